import { z } from 'zod';
import { channels } from '../../../../common/channels';
import type { ChainReport } from '../../../../common/channels/access-log';
import { call } from '../../app/api';
import { DialogForm } from '../../ui/DialogForm';
import { Field } from '../../ui/Field';
import { useZodForm } from '../../ui/forms';

const schema = z.object({ reason: channels['accessLog:reanchor'].input.shape.reason });

/** "Nulstil anker" (administrators): the anchor is set to the database's newest row, with a reason in the access log. */
export function ReanchorDialog({ onClose, onDone }: { onClose: () => void; onDone: (report: ChainReport) => void }) {
  const { form, formError, submit, attempt } = useZodForm(schema, { reason: '' });
  return (
    <DialogForm title="Nulstil adgangsloggens anker?" onClose={onClose} error={formError} errors={form.formState.errors} attempt={attempt} submitLabel="Nulstil anker" onSubmit={submit(async (v) => onDone(await call('accessLog:reanchor', v)))}>
      <p>Ankeret sættes til databasens nyeste række, og fremover måles der fra den. Gør det kun, når I ved, hvorfor ankeret ikke stemmer — fx fordi databasen med vilje er gendannet fra en sikkerhedskopi.</p>
      <p>Hændelser, der måtte mangle, kommer ikke tilbage. Begrundelsen skrives i adgangsloggen.</p>
      <Field label="Begrundelse" required autoFocus autoComplete="off" hint="Mindst 10 tegn, fx »Gendannet fra sikkerhedskopi efter diskfejl«." {...form.register('reason')} error={form.formState.errors.reason?.message} />
    </DialogForm>
  );
}
