import { useState } from 'react';
import { z } from 'zod';
import { dateSchema } from '../../../../../common/dates';
import { stepStatusInputSchema, stepStatusLabels, stepStatuses, type Step, type StepStatus } from '../../../../../common/discharge';
import { call } from '../../../app/api';
import { newestVersion, planChanged } from '../plans/PlanConflict';
import { DialogForm } from '../../../ui/DialogForm';
import { Field } from '../../../ui/Field';
import { formatDate } from '../../../ui/format';
import { useZodForm } from '../../../ui/forms';
import { Choice } from '../plans/Choice';
import { useDischargeSaved } from '../plans/queries';
import { TextAreaField } from '../../../ui/TextAreaField';

const shape = stepStatusInputSchema.shape;
const schema = z
  .object({ status: shape.status, evaluation: shape.evaluation, startsOn: dateSchema, endsOn: z.union([z.literal(''), dateSchema]), reason: shape.reason })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'Trinnet slutter, før det begynder.' });

/**
 * What the dialog says when its save met another's newer version of the plan: who saved which version, the step as it
 * stands there, and that »Gem status« now saves this change on top of it (or, when the step is gone, that it cannot).
 */
async function rebased(familyId: number, stepKey: number): Promise<{ version: number; message: string } | null> {
  const newest = await call('discharge:get', { familyId }).catch(() => null);
  const meta = newestVersion(newest);
  if (!newest?.plan || !meta) return null;
  const lead = `Planen er ændret af ${meta.author.name}, mens du skrev (udgave ${meta.version}). Din ændring er ikke gemt, men den står stadig her.`;
  const there = newest.plan.steps.find((s) => s.key === stepKey);
  if (!there) return { version: meta.version, message: `${lead} Trinnet findes ikke længere i den nyeste udgave, så ændringen kan ikke gemmes.` };
  return { version: meta.version, message: `${lead} I udgave ${meta.version} står trinnet som ${stepStatusLabels[there.status].toLowerCase()}. Tryk »Gem status« igen for at gemme din ændring som udgave ${meta.version + 1}.` };
}

/**
 * A step's new status (gennemført, udskudt with new dates, aflyst …) with a short evaluation and the reason: saved as
 * a new version of the plan, so the step's history stays readable. Another's version saved meanwhile keeps the dialog
 * open with what was typed; the next »Gem status« saves on top of that version.
 */
export function StepStatusDialog({ familyId, baseVersion, step, status, onClose }: { familyId: number; baseVersion: number; step: Step; status: StepStatus; onClose: () => void }) {
  const saved = useDischargeSaved(familyId);
  // The version the change is saved on: the one shown when the dialog opened, until a conflict shows a newer one.
  const [base, setBase] = useState(baseVersion);
  const { form, formError, setFormError, submit } = useZodForm(schema, { status, evaluation: step.evaluation ?? '', startsOn: step.startsOn, endsOn: step.endsOn ?? '', reason: '' });
  const e = form.formState.errors;
  const postponed = form.watch('status') === 'postponed';
  const onSubmit = submit(async (v) => {
    const moved = v.startsOn !== step.startsOn || (v.endsOn || null) !== step.endsOn;
    try {
      await call('discharge:setStepStatus', {
        familyId,
        baseVersion: base,
        stepKey: step.key,
        status: v.status,
        evaluation: v.evaluation,
        ...(moved ? { startsOn: v.startsOn, endsOn: v.endsOn || null } : {}),
        reason: v.reason,
      });
    } catch (err) {
      const newer = planChanged(err) ? await rebased(familyId, step.key) : null;
      if (!newer) throw err;
      setBase(newer.version);
      setFormError(newer.message);
      void saved();
      return;
    }
    await saved();
    onClose();
  });
  return (
    <DialogForm title={`Status for trinnet: ${step.title}`} onClose={onClose} error={formError} submitLabel="Gem status" onSubmit={onSubmit} initialFocusId="step-evaluation">
      <p className="small muted">
        {formatDate(step.startsOn)}
        {step.endsOn && `–${formatDate(step.endsOn)}`} · nu {stepStatusLabels[step.status].toLowerCase()}. Ændringen gemmes som en ny udgave af planen.
      </p>
      <Choice legend="Ny status" required error={e.status?.message}>
        {stepStatuses.map((s) => (
          <label key={s}>
            <input type="radio" value={s} {...form.register('status')} /> {stepStatusLabels[s]}
          </label>
        ))}
      </Choice>
      {postponed && (
        <div className="row">
          <Field label="Ny fra-dato" type="date" required {...form.register('startsOn')} error={e.startsOn?.message} />
          <Field label="Ny til-dato" type="date" hint="Tom for en enkelt dag" {...form.register('endsOn')} error={e.endsOn?.message} />
        </div>
      )}
      <TextAreaField label="Kort evaluering" id="step-evaluation" rows={3} hint="Hvordan gik det, eller hvorfor blev det ikke til noget" {...form.register('evaluation')} error={e.evaluation?.message} />
      <Field label="Begrundelse for ændringen" hint="Står i planens udgaveliste. Tom: «Status for trinnet … ændret»" {...form.register('reason')} error={e.reason?.message} />
    </DialogForm>
  );
}
