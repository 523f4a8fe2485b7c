import { useQueryClient } from '@tanstack/react-query';
import { FormProvider, useFieldArray } from 'react-hook-form';
import { useLocation } from 'wouter';
import type { FamilyDetail } from '../../../../../common/families';
import { agreementStatusLabels, agreementStatuses, type NetworkOverview } from '../../../../../common/network';
import { call } from '../../../app/api';
import { Field, Notice } from '../../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../../ui/forms';
import { KeptNotice } from '../../../ui/KeptNotice';
import { SelectField } from '../../../ui/SelectField';
import { PartyChecklist, PartySelect } from '../plans/PartyFields';
import { partyGroups } from '../plans/parties';
import { placeServerError } from '../plans/planForm';
import { keys } from '../plans/queries';
import { TextAreaField } from '../../../ui/TextAreaField';
import { emptyAgreement } from './AgreementDialogs';
import { emptyMeeting, meetingFormSchema, meetingInput } from './meetingForm';

/** A netværksmøde as it was held: date, who took part, topics, new agreements and the follow-up of open ones. */
export function MeetingFormPage({ family, network }: { family: FamilyDetail; network: NetworkOverview }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const { form, formError, setFormError, submit, restored, discardKept } = useZodForm(meetingFormSchema, emptyMeeting(network.agreements.filter((a) => a.status === 'open')), {
    keep: `networkMeeting:${family.id}`,
  });
  const topics = useFieldArray({ control: form.control, name: 'topics' });
  const agreements = useFieldArray({ control: form.control, name: 'agreements' });
  const followUps = form.watch('followUps');
  const groups = partyGroups(family, network);
  const e = form.formState.errors;
  const back = `/familier/${family.id}/netvaerk/moeder`;
  // submit: a refused save focuses the first invalid field (server refusals are placed by placeServerError).
  const onSubmit = submit(async (v) => {
    setFormError(null);
    try {
      const meeting = await call('networkMeetings:create', meetingInput(family.id, v));
      await queryClient.invalidateQueries({ queryKey: keys.network(family.id) });
      queryClient.setQueryData(keys.meeting(meeting.id), meeting);
      navigate(`${back}/${meeting.id}`);
    } catch (err) {
      placeServerError(form, err, setFormError);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="plan-form" onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate aria-labelledby="meeting-form-title">
        <h2 id="meeting-form-title" style={{ marginTop: 0 }}>
          Nyt netværksmøde
        </h2>
        <KeptNotice restored={restored} onDiscard={discardKept} />
        {formError && <Notice kind="error">{formError}</Notice>}
        <div className="panel">
          <Field label="Mødet blev holdt" type="date" required {...form.register('heldOn')} error={e.heldOn?.message} />
          <PartyChecklist name="participants" legend="Hvem deltog" groups={groups} required />
        </div>
        <fieldset className="panel list-fields">
          <legend>Emner</legend>
          {topics.fields.map((t, i) => (
            <div key={t.id} className="list-row">
              <Field label={`Emne ${i + 1}`} {...form.register(`topics.${i}.text`)} error={e.topics?.[i]?.text?.message} />
              <button type="button" className="secondary" onClick={() => topics.remove(i)} aria-label={`Fjern emne ${i + 1}`}>
                Fjern
              </button>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => topics.append({ text: '' })}>
            Tilføj emne
          </button>
          <TextAreaField label="Referat" rows={4} {...form.register('summary')} error={e.summary?.message} />
        </fieldset>
        <fieldset className="panel list-fields">
          <legend>Nye aftaler</legend>
          {agreements.fields.length === 0 && <p className="muted small">Ingen nye aftaler endnu.</p>}
          {agreements.fields.map((a, i) => (
            <fieldset key={a.id} className="item-fields">
              <legend>Aftale {i + 1}</legend>
              <PartySelect name={`agreements.${i}.responsible`} label="Hvem hjælper" groups={groups} required />
              <TextAreaField label="Hvad er aftalt" required rows={2} {...form.register(`agreements.${i}.what`)} error={e.agreements?.[i]?.what?.message} />
              <div className="row">
                <Field label="Hvornår" {...form.register(`agreements.${i}.when`)} error={e.agreements?.[i]?.when?.message} />
                <Field label="Senest" type="date" {...form.register(`agreements.${i}.dueDate`)} error={e.agreements?.[i]?.dueDate?.message} />
              </div>
              <button type="button" className="secondary" onClick={() => agreements.remove(i)}>
                Fjern aftale {i + 1}
              </button>
            </fieldset>
          ))}
          <button type="button" className="secondary" onClick={() => agreements.append(emptyAgreement)}>
            Tilføj aftale
          </button>
        </fieldset>
        {followUps.length > 0 && (
          <fieldset className="panel list-fields">
            <legend>Opfølgning på åbne aftaler</legend>
            {followUps.map((f, i) => (
              <div key={f.agreementId} className="row follow-up-row">
                <SelectField
                  label={f.what}
                  id={`follow-up-${f.agreementId}`}
                  options={[{ value: '', label: 'Ikke drøftet på mødet' }, ...agreementStatuses.map((s) => ({ value: s, label: agreementStatusLabels[s] }))]}
                  {...form.register(`followUps.${i}.status`)}
                />
                <Field label={`Note om: ${f.what}`} {...form.register(`followUps.${i}.note`)} error={e.followUps?.[i]?.note?.message} />
              </div>
            ))}
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            Gem netværksmødet
          </button>
          <a className="button secondary" href={`#${back}`}>
            Annullér
          </a>
          <span className="muted small">Mødet kan ikke ændres bagefter, men der kan tilføjes rettelser.</span>
        </div>
      </form>
    </FormProvider>
  );
}
