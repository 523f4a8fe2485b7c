import { FormProvider } from 'react-hook-form';
import { z } from 'zod';
import { dateSchema } from '../../../../../common/dates';
import type { FamilyDetail } from '../../../../../common/families';
import { agreementInputSchema, agreementStatusLabels, agreementStatuses, followUpInputSchema, type NetworkAgreement, type NetworkOverview } from '../../../../../common/network';
import { call } from '../../../app/api';
import { DialogForm } from '../../../ui/DialogForm';
import { Field } from '../../../ui/Field';
import { useZodForm } from '../../../ui/forms';
import { Choice } from '../plans/Choice';
import { PartySelect } from '../plans/PartyFields';
import { emptyParty, partyFieldSchema, partyGroups, partyInput } from '../plans/parties';
import { placeServerError } from '../plans/planForm';
import { useNetworkSaved } from '../plans/queries';
import { TextAreaField } from '../../../ui/TextAreaField';

const shape = agreementInputSchema.shape;
export const agreementFormSchema = z.object({ responsible: partyFieldSchema, what: shape.what, when: shape.when, dueDate: z.union([z.literal(''), dateSchema]) });
export type AgreementForm = z.input<typeof agreementFormSchema>;
export const emptyAgreement: AgreementForm = { responsible: emptyParty, what: '', when: '', dueDate: '' };
export function agreementInput(a: z.output<typeof agreementFormSchema>) {
  return { responsible: partyInput(a.responsible), what: a.what, when: a.when, dueDate: a.dueDate || null };
}

/** A new agreement outside a meeting: who helps with what, when. Never changed afterwards; followed up. */
export function AgreementDialog({ family, network, onClose }: { family: FamilyDetail; network: NetworkOverview; onClose: () => void }) {
  const saved = useNetworkSaved(family.id);
  const { form, formError, setFormError, submit } = useZodForm(agreementFormSchema, emptyAgreement);
  const e = form.formState.errors;
  // submit: a refused save focuses the first invalid field (server refusals are placed by placeServerError).
  const onSubmit = submit(async (v) => {
    try {
      saved(await call('network:addAgreement', { familyId: family.id, ...agreementInput(v) }));
      onClose();
    } catch (err) {
      placeServerError(form, err, setFormError);
    }
  });
  return (
    <FormProvider {...form}>
      <DialogForm title="Ny aftale med netværket" onClose={onClose} error={formError} submitLabel="Gem aftalen" onSubmit={onSubmit} wide>
        <PartySelect name="responsible" label="Hvem hjælper" groups={partyGroups(family, network)} required />
        <TextAreaField label="Hvad er aftalt" required rows={2} {...form.register('what')} error={e.what?.message} />
        <div className="row">
          <Field label="Hvornår" hint="Fx hver tirsdag eftermiddag" {...form.register('when')} error={e.when?.message} />
          <Field label="Senest" type="date" {...form.register('dueDate')} error={e.dueDate?.message} />
        </div>
      </DialogForm>
    </FormProvider>
  );
}

/** The agreement's status now, with a note; earlier follow-ups stay. */
export function FollowUpDialog({ familyId, agreement, onClose }: { familyId: number; agreement: NetworkAgreement; onClose: () => void }) {
  const saved = useNetworkSaved(familyId);
  const { form, formError, submit } = useZodForm(followUpInputSchema, { agreementId: agreement.id, status: agreement.status === 'open' ? 'kept' : agreement.status, note: '' });
  const e = form.formState.errors;
  return (
    <DialogForm
      title="Følg op på aftalen"
      onClose={onClose}
      error={formError}
      submitLabel="Gem opfølgningen"
      onSubmit={submit(async (v) => {
        saved(await call('network:followUp', v));
        onClose();
      })}
    >
      <p>
        <strong>{agreement.what}</strong>
      </p>
      <Choice legend="Status nu" required error={e.status?.message}>
        {agreementStatuses.map((s) => (
          <label key={s}>
            <input type="radio" value={s} {...form.register('status')} /> {agreementStatusLabels[s]}
          </label>
        ))}
      </Choice>
      <TextAreaField label="Note" hint="Skal udfyldes, når aftalen ikke er overholdt" rows={3} {...form.register('note')} error={e.note?.message} />
    </DialogForm>
  );
}
