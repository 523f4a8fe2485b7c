import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useLocation } from 'wouter';
import { destinationLabels, destinations, type DischargePlanVersion } from '../../../../../common/discharge';
import type { FamilyDetail } from '../../../../../common/families';
import type { NetworkOverview } from '../../../../../common/network';
import { call } from '../../../app/api';
import { newestVersion, planChanged, PlanConflict, type PlanConflictState } from '../plans/PlanConflict';
import { DischargeDiffView } from './DischargeDiffView';
import { Field, Notice } from '../../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../../ui/forms';
import { KeptNotice } from '../../../ui/KeptNotice';
import { Choice } from '../plans/Choice';
import { PartyChecklist } from '../plans/PartyFields';
import { partyGroups } from '../plans/parties';
import { placeServerError } from '../plans/planForm';
import { useDischargeSaved } from '../plans/queries';
import { TextAreaField } from '../../../ui/TextAreaField';
import { PlanAgreementFields, SupportFields } from './AgreementSupportFields';
import { dischargeFormSchema, dischargeFormValues, dischargeInput } from './dischargeForm';
import { StepFields } from './StepFields';

/**
 * The udslusningsplan as a new version, begun from the newest: destination and target date, steps, agreements,
 * support after the stay, and at anbringelse the separation and samvær. Saving needs a reason; nothing earlier changes.
 */
export function DischargeEditor({ family, network, current: newest }: { family: FamilyDetail; network: NetworkOverview | undefined; current: DischargePlanVersion | null }) {
  const [, navigate] = useLocation();
  // The version this form began from, kept while it is open: a refetch behind it (another's note in the family, the
  // server back after a break) must not move the base under the user's text and save over another's version unseen.
  const [current] = useState(newest);
  const saved = useDischargeSaved(family.id);
  const { form, formError, setFormError, submit, restored, discardKept } = useZodForm(dischargeFormSchema, dischargeFormValues(current, family.plannedEndDate), {
    keep: `discharge:${family.id}:${current?.version ?? 0}`,
  });
  const groups = partyGroups(family, network, current ? [...current.madeWith, ...current.steps.map((s) => s.responsible), ...current.agreements.map((a) => a.responsible)] : []);
  const e = form.formState.errors;
  const placement = form.watch('destination') === 'child_placed' || !!current?.separationPlan || !!current?.contactNotes;
  const back = `/familier/${family.id}/udslusningsplan`;
  // submit: a refused save focuses the first invalid field (server refusals are placed by placeServerError).
  // Another's newer version met at save: shown with what it changed; the user's text stays in the form.
  const [conflict, setConflict] = useState<PlanConflictState | null>(null);
  const onSubmit = submit(async (v) => {
    setFormError(null);
    try {
      await call('discharge:save', dischargeInput(family.id, conflict?.theirs.version ?? current?.version ?? null, v));
      await saved();
      navigate(back);
    } catch (err) {
      if (planChanged(err)) {
        const theirs = newestVersion(await call('discharge:get', { familyId: family.id }).catch(() => null));
        if (theirs) return setConflict({ theirs });
      }
      placeServerError(form, err, setFormError);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="plan-form" onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate aria-labelledby="discharge-form-title">
        <h2 id="discharge-form-title" style={{ marginTop: 0 }}>
          {current ? `Ny udgave af udslusningsplanen (efter udgave ${current.version})` : 'Ny udslusningsplan'}
        </h2>
        <p className="muted">Planen laves sammen med forældrene og de andre, der er med. Alle tidligere udgaver kan stadig læses.</p>
        <KeptNotice restored={restored} onDiscard={discardKept} />
        {formError && <Notice kind="error">{formError}</Notice>}
        {conflict && (
          <PlanConflict
            conflict={conflict}
            base={current?.version ?? null}
            compare={current && <DischargeDiffView familyId={family.id} fromVersion={current.version} toVersion={conflict.theirs.version} embedded />}
            onSaveOnTop={() => void onSubmit()}
            saving={form.formState.isSubmitting}
          />
        )}
        <div className="panel">
          <div className="row">
            <Choice legend="Udslusning til" required error={e.destination?.message}>
              {destinations.map((d) => (
                <label key={d}>
                  <input type="radio" value={d} {...form.register('destination')} /> {destinationLabels[d]}
                </label>
              ))}
            </Choice>
            <Field label="Måldato" type="date" required hint="Hvornår familien flytter" {...form.register('targetDate')} error={e.targetDate?.message} />
          </div>
          <PartyChecklist name="madeWith" legend="Lavet sammen med" groups={groups} required />
        </div>
        <StepFields groups={groups} />
        <PlanAgreementFields groups={groups} networkAgreements={network?.agreements ?? []} />
        <SupportFields />
        {placement && (
          <fieldset className="panel list-fields">
            <legend>Ved anbringelse af barnet</legend>
            <TextAreaField label="Plan for adskillelsen" rows={4} hint="En nænsom adskillelse for både forældre og barn" {...form.register('separationPlan')} error={e.separationPlan?.message} />
            <TextAreaField label="Samvær og fortsat kontakt" rows={3} {...form.register('contactNotes')} error={e.contactNotes?.message} />
          </fieldset>
        )}
        <div className="panel">
          <Field label="Hvorfor planen laves eller ændres" required {...form.register('reason')} error={e.reason?.message} />
          <div className="actions" style={{ marginTop: 0 }}>
            <button type="submit" disabled={form.formState.isSubmitting}>
              Gem som ny udgave
            </button>
            <a className="button secondary" href={`#${back}`}>
              Annullér
            </a>
          </div>
        </div>
      </form>
    </FormProvider>
  );
}
