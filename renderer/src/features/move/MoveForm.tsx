import { z } from 'zod';
import type { MoveInput } from '../../../../common/channels/move';
import { serverConfigSchema } from '../../../../common/server';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { TextAreaField } from '../../ui/TextAreaField';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';

const schema = serverConfigSchema.extend({
  port: z.string().trim().regex(/^\d{1,5}$/, 'Skriv et portnummer mellem 1 og 65535.'),
  ownerPassword: z.string().min(1, 'Skriv ejerens adgangskode (den, IT valgte ved oprettelsen).'),
});

/** Where the server is and the database owner's password (typed by IT): the same for the dry run and the move. */
export function MoveForm({ onChecked }: { onChecked: (input: MoveInput) => Promise<void> }) {
  const { form, formError, submit, attempt } = useZodForm(schema, { host: '', port: '5432', database: '', caCertificate: '', ownerPassword: '' });
  const { register, formState, setValue } = form;
  const e = formState.errors;
  const onSubmit = submit(async (v) => {
    await onChecked({ server: { host: v.host, port: Number(v.port), database: v.database, caCertificate: v.caCertificate }, ownerPassword: v.ownerPassword });
  });

  async function readCertificate(file: File | undefined) {
    if (!file) return;
    const text = file.size > 100_000 ? '' : await file.text();
    setValue('caCertificate', text, { shouldValidate: true });
  }

  return (
    <section className="panel" aria-labelledby="move-server-title">
      <h2 id="move-server-title" style={{ marginTop: 0 }}>
        Serveren
      </h2>
      <FormErrorSummary errors={e} formError={formError} attempt={attempt} />
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        <div className="row">
          <Field label="Serverens navn" required spellCheck={false} hint="Fx familiespor.institution.local eller en IP-adresse." {...register('host')} error={e.host?.message} />
          <Field label="Port" required inputMode="numeric" {...register('port')} error={e.port?.message} />
        </div>
        <Field label="Databasens navn" required spellCheck={false} hint="Den database, IT har oprettet med prepare-server (den skal være tom)." {...register('database')} error={e.database?.message} />
        <p className="small" style={{ marginBottom: '.25rem' }}>
          <input type="file" accept=".crt,.pem,.cer" aria-label="Vælg certifikatfil" onChange={(event) => void readCertificate(event.target.files?.[0])} />
        </p>
        <TextAreaField id="move-ca" label="Institutionens CA-certifikat" required rows={4} spellCheck={false} placeholder="-----BEGIN CERTIFICATE-----" hint="Filen ca.crt fra IT." {...register('caCertificate')} error={e.caCertificate?.message} />
        <Field
          label="Databaseejerens adgangskode"
          type="password"
          required
          autoComplete="off"
          hint="IT skriver den. Den bruges kun til flytningen og gemmes ikke."
          {...register('ownerPassword')}
          error={e.ownerPassword?.message}
        />
        <div className="actions">
          <button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Prøver …' : 'Prøv flytningen (ændrer intet)'}
          </button>
        </div>
      </form>
    </section>
  );
}
