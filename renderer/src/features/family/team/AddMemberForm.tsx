import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { channels } from '../../../../../common/channels';
import type { FamilyDetail } from '../../../../../common/families';
import { teamRoleLabels, teamRoles } from '../../../../../common/team';
import { call } from '../../../app/api';
import { FormErrorSummary } from '../../../ui/ErrorSummary';
import { Field } from '../../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../../ui/forms';
import { labelOptions, SelectField } from '../../../ui/SelectField';
import { useFamilySaved } from '../familyCache';

const channel = channels['team:add'].input;
type Values = { kind: 'internal' | 'external'; userId: string; name: string; role: (typeof teamRoles)[number]; roleOther: string; organisation: string; phone: string; email: string };

function toInput(familyId: number, v: Values) {
  return {
    familyId,
    ...(v.kind === 'internal' ? { userId: v.userId ? Number(v.userId) : undefined } : { name: v.name }),
    role: v.role,
    roleOther: v.role === 'other' ? v.roleOther : undefined,
    organisation: v.kind === 'external' ? v.organisation || undefined : undefined,
    phone: v.kind === 'external' ? v.phone || undefined : undefined,
    email: v.kind === 'external' ? v.email || undefined : undefined,
  };
}

/** The team:add rule, with the missing person said where it is missing: the staff list, or the external name. */
const schema = (familyId: number) =>
  z
    .object({ kind: z.enum(['internal', 'external']), userId: z.string(), name: z.string(), role: z.enum(teamRoles), roleOther: z.string(), organisation: z.string(), phone: z.string(), email: z.string() })
    .superRefine((v, ctx) => {
      if (v.kind === 'internal' && !v.userId) ctx.addIssue({ code: 'custom', path: ['userId'], message: 'Vælg en medarbejder.' });
      if (v.kind === 'external' && !v.name.trim()) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Skriv den eksterne fagpersons navn.' });
      const parsed = channel.safeParse(toInput(familyId, v));
      if (!parsed.success) for (const i of parsed.error.issues) if (i.path[0] !== 'name') ctx.addIssue({ code: 'custom', path: i.path as string[], message: i.message });
    });

const blank: Values = { kind: 'internal', userId: '', name: '', role: 'family_therapist', roleOther: '', organisation: '', phone: '', email: '' };

/**
 * »Tilføj til teamet«: a staff member here or an external professional, in a group of two choices. After adding, the
 * form is empty and the focus is back in its first field, so the next person can be added at once.
 */
export function AddMemberForm({ family: f, onAdded }: { family: FamilyDetail; onAdded: (name: string) => void }) {
  const users = useQuery({ queryKey: ['directory'], queryFn: () => call('users:directory', {}) });
  const saved = useFamilySaved(f.id);
  const { form, formError, submit, attempt } = useZodForm(schema(f.id), blank);
  const e = form.formState.errors;
  const kind = form.watch('kind');
  const onTeam = new Set(f.team.filter((m) => !m.removedAt && m.userId !== null).map((m) => m.userId));
  const staff = (users.data ?? []).filter((u) => !onTeam.has(u.id));
  const onSubmit = submit(async (v) => {
    const family = await call('team:add', toInput(f.id, v));
    const name = v.kind === 'internal' ? (staff.find((u) => String(u.id) === v.userId)?.name ?? '') : v.name.trim();
    saved(family);
    form.reset({ ...blank, kind: v.kind });
    onAdded(name);
    setAdded((n) => n + 1);
  });
  // Once the saved form has rendered empty (and its button is enabled again), the first field takes the focus.
  const [added, setAdded] = useState(0);
  useEffect(() => {
    if (added) document.getElementById(kind === 'internal' ? 'team-user' : 'team-name')?.focus();
  }, [added]);
  return (
    <form className="panel" style={{ marginTop: '1rem' }} onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate aria-labelledby="team-add-title">
      <h2 id="team-add-title" style={{ marginTop: 0 }}>
        Tilføj til teamet
      </h2>
      <FormErrorSummary errors={e} formError={formError} attempt={attempt} />
      <fieldset className="inline-group">
        <legend>Hvem tilføjes?</legend>
        <div className="radio-row">
          <label>
            <input type="radio" value="internal" {...form.register('kind')} /> Medarbejder her
          </label>
          <label>
            <input type="radio" value="external" {...form.register('kind')} /> Ekstern fagperson
          </label>
        </div>
      </fieldset>
      <div className="row">
        {kind === 'internal' ? (
          <SelectField label="Medarbejder" id="team-user" required placeholder="Vælg …" options={staff.map((u) => ({ value: u.id, label: u.name }))} {...form.register('userId')} error={e.userId?.message} />
        ) : (
          <Field label="Navn" id="team-name" required {...form.register('name')} error={e.name?.message} />
        )}
        <SelectField label="Rolle" id="team-role" options={labelOptions(teamRoles, teamRoleLabels)} {...form.register('role')} error={e.role?.message} />
        {form.watch('role') === 'other' && <Field label="Hvilken rolle" id="team-role-other" {...form.register('roleOther')} error={e.roleOther?.message} />}
      </div>
      {kind === 'external' && (
        <div className="row">
          <Field label="Organisation" id="team-organisation" {...form.register('organisation')} error={e.organisation?.message} />
          <Field label="Telefon" id="team-phone" {...form.register('phone')} error={e.phone?.message} />
          <Field label="E-mail" id="team-email" type="email" {...form.register('email')} error={e.email?.message} />
        </div>
      )}
      <button type="submit" disabled={form.formState.isSubmitting}>
        Tilføj
      </button>
    </form>
  );
}
