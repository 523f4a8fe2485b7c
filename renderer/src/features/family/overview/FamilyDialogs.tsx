import { z } from 'zod';
import { channels } from '../../../../../common/channels';
import { outcomeLabels, outcomes, phaseLabels, phases, type FamilyDetail, type Phase } from '../../../../../common/families';
import { call } from '../../../app/api';
import { DialogForm } from '../../../ui/DialogForm';
import { Field } from '../../../ui/Field';
import { today } from '../../../ui/format';
import { useZodForm } from '../../../ui/forms';
import { labelOptions, SelectField } from '../../../ui/SelectField';
import { CloseDischargeInfo } from '../discharge/CloseDischargeInfo';
import { useFamilySaved } from '../familyCache';

// The family's own dialogs on the overview tab: change phase, close the placement, edit the facts.

export function PhaseDialog({ family, onClose }: { family: FamilyDetail; onClose: () => void }) {
  const saved = useFamilySaved(family.id, onClose);
  const next = phases[Math.min(phases.indexOf(family.phase) + 1, phases.length - 1)] ?? family.phase;
  const { form, formError, submit, attempt } = useZodForm(z.object({ phase: z.enum(phases), fromDate: channels['families:changePhase'].input.shape.fromDate }), { phase: next, fromDate: today() });
  return (
    <DialogForm title="Skift fase" onClose={onClose} error={formError} errors={form.formState.errors} attempt={attempt} submitLabel="Gem faseskift" onSubmit={submit(async (v) => saved(await call('families:changePhase', { familyId: family.id, phase: v.phase as Phase, fromDate: v.fromDate })))}>
      <SelectField label="Ny fase" id="phase-select" options={labelOptions(phases, phaseLabels)} autoFocus {...form.register('phase')} />
      <Field label="Fra dato" type="date" required {...form.register('fromDate')} error={form.formState.errors.fromDate?.message} />
    </DialogForm>
  );
}

export function CloseDialog({ family, onClose }: { family: FamilyDetail; onClose: () => void }) {
  const saved = useFamilySaved(family.id, onClose);
  const shape = channels['families:close'].input.shape;
  const { form, formError, submit, attempt } = useZodForm(z.object({ endDate: shape.endDate, outcome: z.string().min(1, 'Vælg hvordan forløbet sluttede.'), outcomeNote: z.string().max(2000) }), {
    endDate: today(),
    // The udslusningsplan's destination is offered as the outcome.
    outcome: family.dischargePlan?.suggestedOutcome ?? '',
    outcomeNote: '',
  });
  const e = form.formState.errors;
  return (
    <DialogForm
      title={`Afslut forløbet for ${family.displayName}?`}
      onClose={onClose}
      error={formError} errors={form.formState.errors} attempt={attempt}
      submitLabel="Afslut forløb"
      onSubmit={submit(async (v) => saved(await call('families:close', { familyId: family.id, endDate: v.endDate, outcome: v.outcome as (typeof outcomes)[number], outcomeNote: v.outcomeNote })))}
    >
      <p>Familien forsvinder fra listen over aktive familier. Alt kan stadig læses, men der kan ikke skrives mere.</p>
      <CloseDischargeInfo plan={family.dischargePlan} />
      <Field label="Slutdato" type="date" required {...form.register('endDate')} error={e.endDate?.message} />
      <SelectField label="Hvordan sluttede forløbet?" id="outcome" placeholder="Vælg …" options={labelOptions(outcomes, outcomeLabels)} {...form.register('outcome')} error={e.outcome?.message} />
      <Field label="Bemærkning" {...form.register('outcomeNote')} />
    </DialogForm>
  );
}

export function EditFamilyDialog({ family: f, onClose }: { family: FamilyDetail; onClose: () => void }) {
  const saved = useFamilySaved(f.id, onClose);
  const schema = z.object({ displayName: z.string(), municipality: z.string(), caseworkerName: z.string(), caseworkerContact: z.string(), legalBasis: z.string(), startDate: z.string(), plannedEndDate: z.string() });
  const { form, formError, submit, attempt } = useZodForm(schema, {
    displayName: f.displayName,
    municipality: f.municipality ?? '',
    caseworkerName: f.caseworkerName ?? '',
    caseworkerContact: f.caseworkerContact ?? '',
    legalBasis: f.legalBasis,
    startDate: f.startDate,
    plannedEndDate: f.plannedEndDate,
  });
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => saved(await call('families:update', { familyId: f.id, ...v })));
  return (
    <DialogForm title="Redigér oplysninger" onClose={onClose} error={formError} errors={form.formState.errors} attempt={attempt} submitLabel="Gem" onSubmit={onSubmit}>
      <Field label="Familiens navn" required autoFocus {...form.register('displayName')} error={e.displayName?.message} />
      <div className="row">
        <Field label="Startdato" type="date" required {...form.register('startDate')} error={e.startDate?.message} />
        <Field label="Planlagt slutdato" type="date" {...form.register('plannedEndDate')} error={e.plannedEndDate?.message} />
      </div>
      <div className="row">
        <Field label="Henvisende kommune" {...form.register('municipality')} error={e.municipality?.message} />
        <Field label="Sagsbehandler" {...form.register('caseworkerName')} error={e.caseworkerName?.message} />
      </div>
      <Field label="Sagsbehandlers kontakt" {...form.register('caseworkerContact')} error={e.caseworkerContact?.message} />
      <Field label="Lovgrundlag" required {...form.register('legalBasis')} error={e.legalBasis?.message} />
    </DialogForm>
  );
}
