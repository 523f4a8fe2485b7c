import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { FormProvider, useFieldArray } from 'react-hook-form';
import { useLocation } from 'wouter';
import type { FamilyDetail } from '../../../../../common/families';
import type { NetworkOverview } from '../../../../../common/network';
import type { SafetyPlanVersion } from '../../../../../common/safety-plan';
import { call } from '../../../app/api';
import { newestVersion, planChanged, PlanConflict, type PlanConflictState } from '../plans/PlanConflict';
import { SafetyPlanDiffView } from './SafetyPlanDiffView';
import { Field, Notice } from '../../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../../ui/forms';
import { KeptNotice } from '../../../ui/KeptNotice';
import { PartyChecklist, PartySelect } from '../plans/PartyFields';
import { emptyParty, partyGroups } from '../plans/parties';
import { placeServerError } from '../plans/planForm';
import { TextItems } from '../plans/TextItems';
import { safetyFormSchema, safetyFormValues, safetyPlanInput } from './safetyPlanForm';
import { safetyHeadings } from './safetyText';

/** A new version of the sikkerhedsplan, begun from the newest; saving needs a reason and never changes an earlier version. */
export function SafetyPlanEditor({ family, network, current: newest }: { family: FamilyDetail; network: NetworkOverview | undefined; current: SafetyPlanVersion | null }) {
  const [, navigate] = useLocation();
  // The version this form began from, kept while it is open (see DischargeEditor): the base never moves unseen.
  const [current] = useState(newest);
  const queryClient = useQueryClient();
  const { form, formError, setFormError, submit, restored, discardKept } = useZodForm(safetyFormSchema, safetyFormValues(current), { keep: `safetyPlan:${family.id}:${current?.version ?? 0}` });
  const contacts = useFieldArray({ control: form.control, name: 'contacts' });
  const groups = partyGroups(family, network, current ? [...current.agreedBy, ...current.contacts.map((c) => c.who)] : []);
  const e = form.formState.errors;
  const back = `/familier/${family.id}/netvaerk/sikkerhedsplan`;
  // submit: a refused save focuses the first invalid field (server refusals are placed by placeServerError).
  // Another's newer version met at save: shown with what it changed; the user's text stays in the form.
  const [conflict, setConflict] = useState<PlanConflictState | null>(null);
  const onSubmit = submit(async (v) => {
    setFormError(null);
    try {
      await call('safetyPlan:save', safetyPlanInput(family.id, conflict?.theirs.version ?? current?.version ?? null, v));
      await queryClient.invalidateQueries({ queryKey: ['safetyPlan', family.id] });
      navigate(back);
    } catch (err) {
      if (planChanged(err)) {
        const theirs = newestVersion(await call('safetyPlan:get', { familyId: family.id }).catch(() => null));
        if (theirs) return setConflict({ theirs });
      }
      placeServerError(form, err, setFormError);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="plan-form" onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate aria-labelledby="safety-form-title">
        <h2 id="safety-form-title" style={{ marginTop: 0 }}>
          {current ? `Ny udgave af sikkerhedsplanen (efter udgave ${current.version})` : 'Ny sikkerhedsplan'}
        </h2>
        <p className="muted">Skriv med familiens egne ord. Planen udskrives til familien.</p>
        <KeptNotice restored={restored} onDiscard={discardKept} />
        {formError && <Notice kind="error">{formError}</Notice>}
        {conflict && (
          <PlanConflict
            conflict={conflict}
            base={current?.version ?? null}
            compare={current && <SafetyPlanDiffView familyId={family.id} fromVersion={current.version} toVersion={conflict.theirs.version} embedded />}
            onSaveOnTop={() => void onSubmit()}
            saving={form.formState.isSubmitting}
          />
        )}
        <TextItems name="worries" legend={safetyHeadings.worries} itemLabel="Bekymring" addLabel="Tilføj bekymring" hint="Fx: at mor bliver så træt om natten, at hun ikke kan passe Liva." />
        <TextItems name="actions" legend={safetyHeadings.actions} itemLabel="Punkt" addLabel="Tilføj punkt" hint="Hvad familien selv gør, når det sker." />
        <fieldset className="panel list-fields">
          <legend>{safetyHeadings.contacts}</legend>
          {contacts.fields.map((c, i) => (
            <fieldset key={c.id} className="item-fields">
              <legend>Kontakt {i + 1}</legend>
              <div className="row">
                <Field label="Hvornår" required hint="Fx hvis mor ikke kan falde til ro om natten" {...form.register(`contacts.${i}.when`)} error={e.contacts?.[i]?.when?.message} />
                <Field label="Telefon" hint="Tom: personens nummer fra netværket eller teamet" {...form.register(`contacts.${i}.phone`)} error={e.contacts?.[i]?.phone?.message} />
              </div>
              <PartySelect name={`contacts.${i}.who`} label="Hvem" groups={groups} required />
              <button type="button" className="secondary" onClick={() => contacts.remove(i)}>
                Fjern kontakt {i + 1}
              </button>
            </fieldset>
          ))}
          <button type="button" className="secondary" onClick={() => contacts.append({ when: '', who: emptyParty, phone: '' })}>
            Tilføj kontakt
          </button>
        </fieldset>
        <TextItems name="signs" legend={safetyHeadings.signs} itemLabel="Tegn" addLabel="Tilføj tegn" hint="Tegn på, at det er ved at gå galt, som familien og netværket holder øje med." />
        <div className="panel">
          <div className="row">
            <Field label="Aftalt den" type="date" required {...form.register('agreedOn')} error={e.agreedOn?.message} />
            <Field label="Hvorfor planen laves eller ændres" required {...form.register('reason')} error={e.reason?.message} />
          </div>
          <PartyChecklist name="agreedBy" legend="Aftalt af" groups={groups} required />
        </div>
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            Gem som ny udgave
          </button>
          <a className="button secondary" href={`#${back}`}>
            Annullér
          </a>
        </div>
      </form>
    </FormProvider>
  );
}

