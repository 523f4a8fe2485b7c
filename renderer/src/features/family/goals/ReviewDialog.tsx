import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { dateSchema } from '../../../../../common/dates';
import type { FamilyDetail } from '../../../../../common/families';
import type { Goal } from '../../../../../common/goals';
import type { SessionUser } from '../../../../../common/users';
import { call } from '../../../app/api';
import { Dialog } from '../../../ui/Dialog';
import { Field, Notice } from '../../../ui/Field';
import { today } from '../../../ui/format';
import { ctrlEnterSubmits, useZodForm } from '../../../ui/forms';
import { SelectField } from '../../../ui/SelectField';
import { TextAreaField } from '../../../ui/TextAreaField';

const schema = z
  .object({
    reviewedOn: dateSchema.refine((d) => d <= today(), 'Datoen ligger i fremtiden.'),
    staffScore: z.string(),
    parentScore: z.string(),
    parentComment: z.string().trim().max(2000, 'Højst 2.000 tegn.'),
    note: z.string().trim().max(4000, 'Højst 4.000 tegn.'),
    personIds: z.array(z.string()),
    userIds: z.array(z.string()),
    others: z.string().max(1200),
  })
  .refine((v) => v.staffScore !== '' || v.parentScore !== '', { path: ['staffScore'], message: 'Angiv point: medarbejdernes, forældrenes eller begge.' });

/**
 * An opfølgning on a goal: the staff's score and the parents' own side by side on the goal's scale, the parents' words,
 * a note and who took part. Appended, never changed.
 */
export function ReviewDialog({ goal, family, me, onClose }: { goal: Goal; family: FamilyDetail; me: SessionUser; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { form, formError, submit } = useZodForm(schema, { reviewedOn: today(), staffScore: '', parentScore: '', parentComment: '', note: '', personIds: [], userIds: [String(me.id)], others: '' });
  const e = form.formState.errors;
  const steps = Array.from({ length: goal.scale.max - goal.scale.min + 1 }, (_, i) => goal.scale.min + i);
  const scoreOptions = steps.map((s) => ({ value: s, label: s === goal.scale.min && goal.scale.lowLabel ? `${s} – ${goal.scale.lowLabel}` : s === goal.scale.max && goal.scale.highLabel ? `${s} – ${goal.scale.highLabel}` : String(s) }));
  const staff = [{ id: me.id, name: me.name }, ...family.team.flatMap((m) => (!m.removedAt && m.userId !== null && m.userId !== me.id ? [{ id: m.userId, name: m.name }] : []))];
  const onSubmit = submit(async (v) => {
    await call('goals:review', {
      goalId: goal.id,
      reviewedOn: v.reviewedOn,
      staffScore: v.staffScore === '' ? null : Number(v.staffScore),
      parentScore: v.parentScore === '' ? null : Number(v.parentScore),
      parentComment: v.parentComment || undefined,
      note: v.note || undefined,
      participantPersonIds: v.personIds.map(Number),
      participantUserIds: v.userIds.map(Number),
      otherParticipants: v.others
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    });
    await queryClient.invalidateQueries({ queryKey: ['goals', family.id] });
    void queryClient.invalidateQueries({ queryKey: ['progression', family.id] });
    void queryClient.invalidateQueries({ queryKey: ['chart', family.id] });
    onClose();
  });
  return (
    <Dialog title="Opfølgning på målet" onClose={onClose} wide initialFocusId="review-date">
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <blockquote className="goal-words">{goal.text}</blockquote>
        <div className="row">
          <Field label="Dato" id="review-date" type="date" required max={today()} {...form.register('reviewedOn')} error={e.reviewedOn?.message} />
          <SelectField label="Medarbejdernes vurdering" id="review-staff" placeholder="–" options={scoreOptions} {...form.register('staffScore')} error={e.staffScore?.message} />
          <SelectField label="Forældrenes egen vurdering" id="review-parent" placeholder="–" options={scoreOptions} {...form.register('parentScore')} />
        </div>
        <TextAreaField id="review-parent-words" label="Forældrenes egne ord" rows={2} {...form.register('parentComment')} error={e.parentComment?.message} />
        <TextAreaField id="review-note" label="Note" rows={2} {...form.register('note')} error={e.note?.message} />
        <fieldset className="group">
          <legend>Hvem deltog</legend>
          <div className="checks">
            {family.persons.map((p) => (
              <label key={`p${p.id}`}>
                <input type="checkbox" value={String(p.id)} {...form.register('personIds')} /> {p.name}
              </label>
            ))}
            {staff.map((u) => (
              <label key={`u${u.id}`}>
                <input type="checkbox" value={String(u.id)} {...form.register('userIds')} /> {u.name}
              </label>
            ))}
          </div>
          <Field label="Andre (adskil med komma)" id="review-others" {...form.register('others')} />
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            Gem opfølgning
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Annullér
          </button>
        </div>
      </form>
    </Dialog>
  );
}
