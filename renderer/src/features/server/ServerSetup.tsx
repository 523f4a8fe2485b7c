import { z } from 'zod';
import { serverConfigSchema } from '../../../../common/server';
import { call } from '../../app/api';
import { CardScreen } from '../../ui/CardScreen';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { TextAreaField } from '../../ui/TextAreaField';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';

const schema = serverConfigSchema.extend({
  port: z.string().trim().regex(/^\d{1,5}$/, 'Skriv et portnummer mellem 1 og 65535.'),
});

/**
 * "Institutionens server" at setup: where IT's PostgreSQL server is, and the institution's CA certificate (from IT,
 * ca.crt). The backend checks that the server answers with a certificate from that CA before it keeps anything.
 */
export function ServerSetupScreen({ onDone, onBack }: { onDone: () => void; onBack: () => void }) {
  const { form, formError, submit, attempt } = useZodForm(schema, { host: '', port: '5432', database: '', caCertificate: '' });
  const { register, formState, setValue } = form;
  const e = formState.errors;

  const onSubmit = submit(async (v) => {
    await call('setup:connectServer', { host: v.host, port: Number(v.port), database: v.database, caCertificate: v.caCertificate });
    onDone();
  });

  async function readCertificate(file: File | undefined) {
    if (!file) return;
    // A certificate is a few kB; anything much larger is not one (the schema says so in Danish).
    const text = file.size > 100_000 ? '' : await file.text();
    setValue('caCertificate', text, { shouldValidate: true });
  }

  return (
    <CardScreen wide>
      <h1>Forbind til institutionens server</h1>
      <p className="muted">
        Institutionens data ligger på en fælles server, som jeres IT-ansvarlige har sat op. Denne computer gemmer kun, hvor serveren er — ingen journaldata. Du logger
        ind med dit eget brugernavn, når forbindelsen er på plads.
      </p>
      <FormErrorSummary errors={e} formError={formError} attempt={attempt} />
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        <div className="row">
          <Field label="Serverens navn" required autoFocus spellCheck={false} hint="Fx familiespor.institution.local eller en IP-adresse." {...register('host')} error={e.host?.message} />
          <Field label="Port" required inputMode="numeric" {...register('port')} error={e.port?.message} />
        </div>
        <Field label="Databasens navn" required spellCheck={false} hint="Det navn, IT har givet institutionens database." {...register('database')} error={e.database?.message} />
        <p className="small" style={{ marginBottom: '.25rem' }}>
          <input type="file" accept=".crt,.pem,.cer" aria-label="Vælg certifikatfil" onChange={(event) => void readCertificate(event.target.files?.[0])} />
        </p>
        <TextAreaField
          id="server-ca"
          label="Institutionens CA-certifikat"
          required
          rows={6}
          spellCheck={false}
          placeholder="-----BEGIN CERTIFICATE-----"
          hint="Filen ca.crt fra IT. Vælg filen ovenfor, eller indsæt dens tekst. Familiespor forbinder kun til en server, hvis certifikat er udstedt af det."
          {...register('caCertificate')}
          error={e.caCertificate?.message}
        />
        <div className="actions">
          <button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Forbinder …' : 'Forbind'}
          </button>
          <button type="button" className="secondary" onClick={onBack}>
            Tilbage
          </button>
        </div>
      </form>
    </CardScreen>
  );
}
