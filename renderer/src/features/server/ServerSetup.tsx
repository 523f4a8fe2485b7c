import { FormProvider } from 'react-hook-form';
import { call } from '../../app/api';
import { CardScreen } from '../../ui/CardScreen';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';
import { serverConfig, ServerFields, serverFormDefaults, serverFormSchema } from './ServerFields';

/**
 * "Institutionens server" at setup: where IT's PostgreSQL server is, and the institution's CA certificate (from IT,
 * ca.crt). The backend checks that the server answers with a certificate from that CA before it keeps anything.
 */
export function ServerSetupScreen({ onDone, onBack }: { onDone: () => void; onBack: () => void }) {
  const { form, formError, submit, attempt } = useZodForm(serverFormSchema, serverFormDefaults);
  const { formState } = form;

  const onSubmit = submit(async (v) => {
    await call('setup:connectServer', serverConfig(v));
    onDone();
  });

  return (
    <CardScreen wide>
      <h1>Forbind til institutionens server</h1>
      <p className="muted">
        Institutionens data ligger på en fælles server, som jeres IT-ansvarlige har sat op. Denne computer gemmer kun, hvor serveren er — ingen journaldata. Du logger
        ind med dit eget brugernavn, når forbindelsen er på plads.
      </p>
      <FormErrorSummary errors={formState.errors} formError={formError} attempt={attempt} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
          <ServerFields
            idPrefix="server"
            autoFocus
            databaseHint="Det navn, IT har givet institutionens database."
            caRows={6}
            caHint="Filen ca.crt fra IT. Vælg filen ovenfor, eller indsæt dens tekst. Familiespor forbinder kun til en server, hvis certifikat er udstedt af det."
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
      </FormProvider>
    </CardScreen>
  );
}
