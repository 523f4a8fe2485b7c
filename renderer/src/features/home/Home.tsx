import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { SessionUser } from '../../../../common/channels';
import type { Draft } from '../../../../common/journal';
import { call, errorText } from '../../app/api';
import { ObservationCard } from '../journal/ObservationCard';
import { Notice } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { FamilyTable } from '../families/Families';

export function HomePage({ user, onOpenDraft }: { user: SessionUser; onOpenDraft: (d: Draft) => void }) {
  const front = useQuery({ queryKey: ['front'], queryFn: () => call('overview:front', {}) });
  const isLeader = user.role !== 'staff';
  const hour = new Date().getHours();
  const greeting = hour < 10 ? 'Godmorgen' : hour < 18 ? 'Goddag' : 'Godaften';
  return (
    <>
      <h1>
        {greeting}, {user.name.split(' ')[0]}
      </h1>
      {front.isError && <Notice kind="error">{errorText(front.error)}</Notice>}
      {front.data && front.data.myDrafts.length > 0 && (
        <div className="panel">
          <h2 style={{ marginTop: 0 }}>Dine kladder</h2>
          <p className="muted small">Kladder er ikke underskrevet og kan kun ses af dig.</p>
          <ul className="plain">
            {front.data.myDrafts.map((d) => (
              <li key={d.id}>
                <button type="button" className="link" onClick={() => onOpenDraft(d)}>
                  {d.familyName ?? 'Uden familie'} · {d.text.trim().slice(0, 60) || '(tom)'}
                </button>{' '}
                <span className="muted small">gemt {formatDateTime(d.updatedAt)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {isLeader && <PendingConcerns />}
      <h2>Aktive familier</h2>
      {front.data && front.data.families.length === 0 && (
        <p className="muted">
          Der er ingen aktive familier endnu. <Link href="/familier/ny">Opret den første familie</Link>.
        </p>
      )}
      {front.data && front.data.families.length > 0 && <FamilyTable families={front.data.families} />}
      <p className="muted small" style={{ marginTop: '1rem' }}>
        Tastatur: <kbd>Ctrl</kbd>+<kbd>N</kbd> nyt notat · <kbd>Ctrl</kbd>+<kbd>K</kbd> søg · <kbd>Ctrl</kbd>+<kbd>L</kbd> lås · <kbd>?</kbd> hjælp
      </p>
    </>
  );
}

function PendingConcerns() {
  const queryClient = useQueryClient();
  const pending = useQuery({ queryKey: ['front', 'concerns'], queryFn: () => call('concerns:pending', {}) });
  const ack = useMutation({
    mutationFn: (observationId: number) => call('concerns:acknowledge', { observationId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['front'] }),
  });
  if (!pending.data) return null;
  return (
    <div className="panel" data-testid="pending-concerns">
      <h2 style={{ marginTop: 0 }}>Alvorlige bekymringer til kvittering</h2>
      {ack.isError && <Notice kind="error">{errorText(ack.error)}</Notice>}
      {pending.data.length === 0 ? (
        <p className="muted">Ingen bekymringer venter.</p>
      ) : (
        pending.data.map((o) => (
          <div key={o.id}>
            <div className="small">
              <Link href={`/familier/${o.familyId}/dagbog`}>{o.familyName}</Link> · {formatDateTime(o.observedAt)}
            </div>
            <ObservationCard observation={o} canAmend={false} />
            <button type="button" onClick={() => ack.mutate(o.id)} disabled={ack.isPending} style={{ marginBottom: '1rem' }}>
              Kvittér for bekymringen
            </button>
          </div>
        ))
      )}
    </div>
  );
}
