import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { SessionUser } from '../../../../common/users';
import type { Draft } from '../../../../common/journal';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { FamilyTable } from '../families/FamilyTable';
import { Handover } from '../handover/Handover';
import { OverdueStepsPanel } from '../family/discharge/OverdueStepsPanel';
import { PendingConcerns } from './PendingConcerns';
import { ProgressionAttention } from './ProgressionAttention';

/** The front page: greeting, your drafts, serious concerns waiting for a leader, the active families. */
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
      {front.data?.backupWarning && (
        <Notice kind="warn">
          <strong>Sikkerhedskopi:</strong> {front.data.backupWarning}{' '}
          {user.role === 'admin' ? <Link href="/admin/sikkerhedskopier">Gå til Sikkerhedskopier</Link> : 'Sig det til en administrator.'}
        </Notice>
      )}
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
      <Handover />
      {isLeader && <PendingConcerns />}
      {isLeader && <OverdueStepsPanel />}
      {isLeader && <ProgressionAttention />}
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
