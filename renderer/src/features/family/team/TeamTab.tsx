import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FamilyDetail } from '../../../../../common/families';
import { teamRoleLabels, teamRoles } from '../../../../../common/team';
import { ApiError, call, errorText } from '../../../app/api';
import { Field, Notice } from '../../../ui/Field';
import { labelOptions, SelectField } from '../../../ui/SelectField';
import { useFamilySaved } from '../familyCache';
import { CoordinatorHistory } from './CoordinatorHistory';

function useFamilyMutation<I>(familyId: number, fn: (input: I) => Promise<FamilyDetail>, onDone?: () => void) {
  const saved = useFamilySaved(familyId, onDone);
  return useMutation({ mutationFn: fn, onSuccess: saved });
}

/** The family's indsatsteam: members, exactly one tovholder, adding internal staff or external professionals. */
export function TeamTab({ family: f }: { family: FamilyDetail }) {
  const users = useQuery({ queryKey: ['directory'], queryFn: () => call('users:directory', {}) });
  const [kind, setKind] = useState<'internal' | 'external'>('internal');
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<(typeof teamRoles)[number]>('family_therapist');
  const [roleOther, setRoleOther] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const reset = () => {
    setUserId('');
    setName('');
    setRoleOther('');
    setOrganisation('');
    setPhone('');
    setEmail('');
  };
  const add = useFamilyMutation(f.id, () =>
    call('team:add', {
      familyId: f.id,
      ...(kind === 'internal' ? { userId: userId ? Number(userId) : undefined } : { name }),
      role,
      roleOther: role === 'other' ? roleOther : undefined,
      organisation: organisation || undefined,
      phone: phone || undefined,
      email: email || undefined,
    }),
    reset,
  );
  const setCoordinator = useFamilyMutation(f.id, (memberId: number) => call('team:setCoordinator', { familyId: f.id, memberId }));
  const remove = useFamilyMutation(f.id, (memberId: number) => call('team:remove', { memberId }));
  const closed = f.endDate !== null;
  const active = f.team.filter((m) => !m.removedAt);
  const mutationError = add.error ?? setCoordinator.error ?? remove.error;
  return (
    <>
      {mutationError && <Notice kind="error">{mutationError instanceof ApiError && mutationError.error.issues?.[0] ? mutationError.error.issues[0].message : errorText(mutationError)}</Notice>}
      <table className="list" data-testid="team">
        <thead>
          <tr>
            <th>Navn</th>
            <th>Rolle</th>
            <th>Organisation</th>
            <th>Telefon</th>
            <th>E-mail</th>
            <th>
              <span className="sr-only">Handlinger</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {active.map((m) => (
            <tr key={m.id}>
              <td>
                {m.name} {m.isCoordinator && <span className="badge">Tovholder</span>}
              </td>
              <td>{m.role === 'other' && m.roleOther ? m.roleOther : teamRoleLabels[m.role]}</td>
              <td>{m.internal ? 'Intern' : (m.organisation ?? '–')}</td>
              <td>{m.phone ?? '–'}</td>
              <td>{m.email ?? '–'}</td>
              <td>
                {!closed && !m.isCoordinator && (
                  <div className="row-actions">
                    <button type="button" className="secondary" onClick={() => setCoordinator.mutate(m.id)}>
                      Gør til tovholder
                    </button>
                    <button type="button" className="secondary" onClick={() => remove.mutate(m.id)}>
                      Fjern
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!closed && (
        <form
          className="panel"
          style={{ marginTop: '1rem' }}
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(undefined);
          }}
        >
          <h2 style={{ marginTop: 0 }}>Tilføj til teamet</h2>
          <div className="radio-row" style={{ marginBottom: '.75rem' }}>
            <label>
              <input type="radio" checked={kind === 'internal'} onChange={() => setKind('internal')} /> Medarbejder her
            </label>
            <label>
              <input type="radio" checked={kind === 'external'} onChange={() => setKind('external')} /> Ekstern fagperson
            </label>
          </div>
          <div className="row">
            {kind === 'internal' ? (
              <SelectField label="Medarbejder" id="team-user" placeholder="Vælg …" options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))} value={userId} onChange={(e) => setUserId(e.target.value)} />
            ) : (
              <Field label="Navn" value={name} onChange={(e) => setName(e.target.value)} />
            )}
            <SelectField label="Rolle" id="team-role" options={labelOptions(teamRoles, teamRoleLabels)} value={role} onChange={(e) => setRole(e.target.value as (typeof teamRoles)[number])} />
            {role === 'other' && <Field label="Hvilken rolle" value={roleOther} onChange={(e) => setRoleOther(e.target.value)} />}
          </div>
          {kind === 'external' && (
            <div className="row">
              <Field label="Organisation" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
              <Field label="Telefon" value={phone} onChange={(e) => setPhone(e.target.value)} />
              <Field label="E-mail" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
          )}
          <button type="submit" disabled={add.isPending}>
            Tilføj
          </button>
        </form>
      )}
      <CoordinatorHistory family={f} />
    </>
  );
}
