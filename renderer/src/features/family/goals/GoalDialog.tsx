import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { dateSchema } from '../../../../../common/dates';
import { DEFAULT_REVIEW_EVERY_DAYS, goalAreaLabels, goalAreas, goalStatusLabels, goalStatuses, type Goal } from '../../../../../common/goals';
import { call } from '../../../app/api';
import { Dialog } from '../../../ui/Dialog';
import { Field, Notice } from '../../../ui/Field';
import { today } from '../../../ui/format';
import { ctrlEnterSubmits, useZodForm } from '../../../ui/forms';
import { KeptNotice } from '../../../ui/KeptNotice';
import { labelOptions, SelectField } from '../../../ui/SelectField';
import { TextAreaField } from '../../../ui/TextAreaField';

const whole = (label: string) => z.string().trim().regex(/^-?\d+$/, `${label}: skriv et helt tal.`);
const schema = z
  .object({
    text: z.string().trim().min(1, 'Skriv målet med forældrenes egne ord.').max(500, 'Målet må højst have 500 tegn.'),
    area: z.string().min(1, 'Vælg et område.'),
    areaOther: z.string().trim().max(120),
    startDate: dateSchema,
    targetDate: z.union([z.literal(''), dateSchema]),
    status: z.string(),
    reviewEveryDays: whole('Opfølgning'),
    scaleMin: whole('Skalaens laveste trin'),
    scaleMax: whole('Skalaens højeste trin'),
    scaleLowLabel: z.string().trim().max(60),
    scaleHighLabel: z.string().trim().max(60),
    reason: z.string().trim().max(500),
  })
  .superRefine((v, ctx) => {
    if (v.area === 'other' && !v.areaOther) ctx.addIssue({ code: 'custom', path: ['areaOther'], message: 'Skriv hvilket område.' });
    if (v.targetDate && v.targetDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['targetDate'], message: 'Måldatoen ligger før startdatoen.' });
  });

/**
 * A new udviklingsmål in the parents' own words, or a change to one: appended as a revision with a reason (the goal
 * is never edited). The scale and the review cadence are set when the goal is made.
 */
export function GoalDialog({ familyId, goal, onClose }: { familyId: number; goal?: Goal; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { form, formError, submit, restored, discardKept } = useZodForm(
    schema,
    {
    text: goal?.text ?? '',
    area: goal?.area ?? '',
    areaOther: goal?.areaOther ?? '',
    startDate: goal?.startDate ?? today(),
    targetDate: goal?.targetDate ?? '',
    status: goal?.status ?? 'active',
    reviewEveryDays: String(goal?.reviewEveryDays ?? DEFAULT_REVIEW_EVERY_DAYS),
    scaleMin: String(goal?.scale.min ?? 0),
    scaleMax: String(goal?.scale.max ?? 10),
    scaleLowLabel: goal?.scale.lowLabel ?? '',
    scaleHighLabel: goal?.scale.highLabel ?? '',
    reason: '',
    },
    { keep: `goal:${familyId}:${goal?.id ?? 'ny'}` },
  );
  const e = form.formState.errors;
  const area = form.watch('area');
  const onSubmit = submit(async (v) => {
    const common = { text: v.text, area: v.area as Goal['area'], areaOther: v.area === 'other' ? v.areaOther : undefined, startDate: v.startDate, targetDate: v.targetDate || null };
    if (goal) {
      if (!v.reason) {
        form.setError('reason', { message: 'Skriv hvorfor målet ændres.' }, { shouldFocus: true });
        return;
      }
      await call('goals:revise', { goalId: goal.id, ...common, status: v.status as Goal['status'], reason: v.reason });
    } else {
      await call('goals:create', {
        familyId,
        ...common,
        reviewEveryDays: Number(v.reviewEveryDays),
        scaleMin: Number(v.scaleMin),
        scaleMax: Number(v.scaleMax),
        scaleLowLabel: v.scaleLowLabel || undefined,
        scaleHighLabel: v.scaleHighLabel || undefined,
      });
    }
    await queryClient.invalidateQueries({ queryKey: ['goals', familyId] });
    void queryClient.invalidateQueries({ queryKey: ['progression', familyId] });
    void queryClient.invalidateQueries({ queryKey: ['chart', familyId] });
    onClose();
  });
  return (
    <Dialog title={goal ? 'Ændr mål' : 'Nyt udviklingsmål'} onClose={onClose} wide initialFocusId="goal-text">
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        <KeptNotice restored={restored} onDiscard={discardKept} />
        {formError && <Notice kind="error">{formError}</Notice>}
        {goal && <p className="muted">Målet ændres ikke: ændringen gemmes som en ny version med din begrundelse, og de tidligere versioner kan ses.</p>}
        <TextAreaField id="goal-text" label="Målet med forældrenes egne ord" required rows={3} hint="Skriv det, som forældrene selv siger det: «Jeg vil …»." {...form.register('text')} error={e.text?.message} />
        <div className="row">
          <SelectField label="Område" id="goal-area" required placeholder="Vælg …" options={labelOptions(goalAreas, goalAreaLabels)} {...form.register('area')} error={e.area?.message} />
          {area === 'other' && <Field label="Hvilket område" id="goal-area-other" required {...form.register('areaOther')} error={e.areaOther?.message} />}
          {goal && <SelectField label="Status" id="goal-status" options={labelOptions(goalStatuses, goalStatusLabels)} {...form.register('status')} />}
        </div>
        <div className="row">
          <Field label="Start" id="goal-start" type="date" required {...form.register('startDate')} error={e.startDate?.message} />
          <Field label="Måldato" id="goal-target" type="date" {...form.register('targetDate')} error={e.targetDate?.message} />
          {!goal && <Field label="Opfølgning hver (dage)" id="goal-every" required inputMode="numeric" className="narrow" {...form.register('reviewEveryDays')} error={e.reviewEveryDays?.message} hint="28 dage = hver 4. uge" />}
        </div>
        {!goal && (
          <fieldset className="group">
            <legend>Skala til opfølgning</legend>
            <div className="row">
              <Field label="Laveste trin" id="goal-min" inputMode="numeric" {...form.register('scaleMin')} error={e.scaleMin?.message} />
              <Field label="Betyder" id="goal-low" {...form.register('scaleLowLabel')} placeholder="fx «slet ikke»" />
              <Field label="Højeste trin" id="goal-max" inputMode="numeric" {...form.register('scaleMax')} error={e.scaleMax?.message} />
              <Field label="Betyder" id="goal-high" {...form.register('scaleHighLabel')} placeholder="fx «helt nået»" />
            </div>
          </fieldset>
        )}
        {goal && <TextAreaField id="goal-reason" label="Begrundelse for ændringen" required rows={2} {...form.register('reason')} error={e.reason?.message} />}
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            {goal ? 'Gem ændring' : 'Opret mål'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Annullér
          </button>
        </div>
      </form>
    </Dialog>
  );
}
