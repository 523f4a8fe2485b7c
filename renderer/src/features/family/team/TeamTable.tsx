import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FamilyDetail } from '../../../../../common/families';
import { teamRoleLabels, type TeamMember } from '../../../../../common/team';
import { call, errorText } from '../../../app/api';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { useFamilySaved } from '../familyCache';

const roleText = (m: TeamMember) => (m.role === 'other' && m.roleOther ? m.roleOther : teamRoleLabels[m.role]);

/**
 * The team's members with their actions, named per person (»Gør Bo Østergaard til tovholder«, »Fjern Bo Østergaard«);
 * both ask once. After a removal the focus stays where it was: on the next person's first action (or the message).
 */
export function TeamTable({ family: f, onMessage }: { family: FamilyDetail; onMessage: (text: string) => void }) {
  const [asking, setAsking] = useState<{ kind: 'coordinator' | 'remove'; member: TeamMember; row: number } | null>(null);
  const focusRow = useRef<number | null>(null);
  const focusMessage = useRef(false);
  const table = useRef<HTMLTableElement>(null);
  const saved = useFamilySaved(f.id);
  const act = useMutation({
    mutationFn: (a: NonNullable<typeof asking>) => (a.kind === 'remove' ? call('team:remove', { memberId: a.member.id }) : call('team:setCoordinator', { familyId: f.id, memberId: a.member.id })),
    onSuccess: (family, a) => {
      if (a.kind === 'remove') focusRow.current = a.row;
      else focusMessage.current = true; // the button is gone: the new tovholder has none
      saved(family);
      setAsking(null);
      onMessage(a.kind === 'remove' ? `${a.member.name} er fjernet fra teamet.` : `${a.member.name} er nu tovholder.`);
    },
  });
  const active = f.team.filter((m) => !m.removedAt);
  const coordinator = active.find((m) => m.isCoordinator);
  const closed = f.endDate !== null;

  // The row that took the removed one's place (or the one before it) gets the focus; else the message does (TeamTab).
  useEffect(() => {
    if (focusRow.current === null && !focusMessage.current) return;
    const rows = [...(table.current?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [])];
    const next = focusRow.current === null ? [] : [...rows.slice(focusRow.current), ...rows.slice(0, focusRow.current).reverse()];
    const button = next.map((r) => r.querySelector<HTMLButtonElement>('button')).find(Boolean);
    focusRow.current = null;
    focusMessage.current = false;
    (button ?? document.getElementById('team-message'))?.focus();
  });

  return (
    <>
      <table className="list" data-testid="team" ref={table}>
        <caption className="sr-only">Indsatsteamet</caption>
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
          {active.map((m, row) => (
            <tr key={m.id}>
              <td>
                {m.name} {m.isCoordinator && <span className="badge">Tovholder</span>}
              </td>
              <td>{roleText(m)}</td>
              <td>{m.internal ? 'Intern' : (m.organisation ?? '–')}</td>
              <td>{m.phone ?? '–'}</td>
              <td>{m.email ?? '–'}</td>
              <td>
                {!closed && !m.isCoordinator && (
                  <div className="row-actions">
                    {/* Named per person for a screen reader (»Gør Bo Østergaard til tovholder«), short on screen. */}
                    <button type="button" className="secondary" onClick={() => setAsking({ kind: 'coordinator', member: m, row })}>
                      Gør <span className="sr-only">{m.name} </span>til tovholder
                    </button>
                    <button type="button" className="secondary" onClick={() => setAsking({ kind: 'remove', member: m, row })}>
                      Fjern<span className="sr-only"> {m.name}</span>
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {asking?.kind === 'coordinator' && (
        <ConfirmDialog
          title={`Gør ${asking.member.name} til tovholder?`}
          confirmLabel="Gør til tovholder"
          onConfirm={() => act.mutate(asking)}
          onClose={() => setAsking(null)}
          busy={act.isPending}
          error={act.error ? errorText(act.error) : null}
        >
          <p>
            {coordinator ? `${coordinator.name} er tovholder nu. ` : ''}
            {asking.member.name} ({roleText(asking.member)}) bliver familiens tovholder fra nu af. Skiftet gemmes i historikken over tovholdere.
          </p>
        </ConfirmDialog>
      )}
      {asking?.kind === 'remove' && (
        <ConfirmDialog
          title={`Fjern ${asking.member.name} fra teamet?`}
          confirmLabel="Fjern fra teamet"
          danger
          onConfirm={() => act.mutate(asking)}
          onClose={() => setAsking(null)}
          busy={act.isPending}
          error={act.error ? errorText(act.error) : null}
        >
          <p>{asking.member.name} er ikke længere med i familiens indsatsteam. Det, personen har skrevet, og historikken over tovholdere bevares.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
