import type { ReactNode } from 'react';
import { useFormContext, type FieldErrors } from 'react-hook-form';
import { z } from 'zod';
import { serverConfigSchema, type ServerConfig } from '../../../../common/server';
import { Field } from '../../ui/Field';
import { TextAreaField } from '../../ui/TextAreaField';

/** The server's address as typed (the port as text, checked as digits here and as a number by the backend). */
export const serverFormSchema = serverConfigSchema.extend({
  port: z.string().trim().regex(/^\d{1,5}$/, 'Skriv et portnummer mellem 1 og 65535.'),
});
export type ServerFormValues = z.input<typeof serverFormSchema>;
export const serverFormDefaults: ServerFormValues = { host: '', port: '5432', database: '', caCertificate: '' };

/** What the channels take (setup:connectServer, move:check …). */
export function serverConfig(v: ServerFormValues): ServerConfig {
  return { host: v.host, port: Number(v.port), database: v.database, caCertificate: v.caCertificate };
}

/**
 * Where the institution's server is: its name, port, database and the institution's CA certificate (chosen as a file
 * or pasted). Inside a form whose values include ServerFormValues (react-hook-form's FormProvider): the setup's
 * »Institutionens server« and Administration → Flyt til server.
 */
export function ServerFields({ idPrefix, databaseHint, caHint, caRows, autoFocus = false }: { idPrefix: string; databaseHint: string; caHint: ReactNode; caRows: number; autoFocus?: boolean }) {
  const { register, setValue, formState } = useFormContext<ServerFormValues>();
  const e: FieldErrors<ServerFormValues> = formState.errors;

  async function readCertificate(file: File | undefined) {
    if (!file) return;
    // A certificate is a few kB; anything much larger is not one (the schema says so in Danish).
    const text = file.size > 100_000 ? '' : await file.text();
    setValue('caCertificate', text, { shouldValidate: true });
  }

  return (
    <>
      <div className="row">
        <Field label="Serverens navn" required autoFocus={autoFocus} spellCheck={false} hint="Fx familiespor.institution.local eller en IP-adresse." {...register('host')} error={e.host?.message} />
        <Field label="Port" required inputMode="numeric" {...register('port')} error={e.port?.message} />
      </div>
      <Field label="Databasens navn" required spellCheck={false} hint={databaseHint} {...register('database')} error={e.database?.message} />
      <p className="small" style={{ marginBottom: '.5rem' }}>
        <input type="file" accept=".crt,.pem,.cer" aria-label="Vælg certifikatfil" onChange={(event) => void readCertificate(event.target.files?.[0])} />
      </p>
      <TextAreaField
        id={`${idPrefix}-ca`}
        label="Institutionens CA-certifikat"
        required
        rows={caRows}
        spellCheck={false}
        placeholder="-----BEGIN CERTIFICATE-----"
        hint={caHint}
        {...register('caCertificate')}
        error={e.caCertificate?.message}
      />
    </>
  );
}
