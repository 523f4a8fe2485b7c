import { FormProvider } from 'react-hook-form';
import { z } from 'zod';
import type { MoveInput } from '../../../../common/channels/move';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';
import { serverConfig, ServerFields, serverFormDefaults, serverFormSchema } from '../server/ServerFields';

const schema = serverFormSchema.extend({
  ownerPassword: z.string().min(1, 'Skriv ejerens adgangskode (den, IT valgte ved oprettelsen).'),
});

/** Where the server is and the database owner's password (typed by IT): the same for the dry run and the move. */
export function MoveForm({ onChecked }: { onChecked: (input: MoveInput) => Promise<void> }) {
  const { form, formError, submit, attempt } = useZodForm(schema, { ...serverFormDefaults, ownerPassword: '' });
  const { register, formState } = form;
  const e = formState.errors;
  const onSubmit = submit(async ({ ownerPassword, ...server }) => {
    await onChecked({ server: serverConfig(server), ownerPassword });
  });

  return (
    <section className="panel" aria-labelledby="move-server-title">
      <h2 id="move-server-title" style={{ marginTop: 0 }}>
        Serveren
      </h2>
      <FormErrorSummary errors={e} formError={formError} attempt={attempt} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
          <ServerFields idPrefix="move" databaseHint="Den database, IT har oprettet med prepare-server (den skal være tom)." caRows={4} caHint="Filen ca.crt fra IT." />
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
      </FormProvider>
    </section>
  );
}
