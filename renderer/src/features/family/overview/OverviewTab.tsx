import { useState } from 'react';
import { Link } from 'wouter';
import type { SessionUser } from '../../../../../common/users';
import { outcomeLabels, phaseLabels, phases, type FamilyDetail, type Person } from '../../../../../common/families';
import { teamRoleLabels } from '../../../../../common/team';
import { formatDate, formatDateTime } from '../../../ui/format';
import { ObservationCard } from '../../journal/ObservationCard';
import { ConcernsPanel } from './ConcernsPanel';
import { DischargeOverviewPanel } from '../discharge/DischargeOverviewPanel';
import { CloseDialog, EditFamilyDialog, PhaseDialog } from './FamilyDialogs';
import { DueSummary } from './DueSummary';
import { BornDialog, PersonDialog } from './PersonDialogs';
import { PersonLine } from './PersonLine';

/** The family at a glance: phases, facts, persons, team, open serious concerns and the latest observations. */
export function OverviewTab({ family: f, user }: { family: FamilyDetail; user: SessionUser }) {
  const [dialog, setDialog] = useState<null | 'phase' | 'close' | 'edit' | 'person' | { born: Person } | { editPerson: Person }>(null);
  const closed = f.endDate !== null;
  const isLeader = user.role !== 'staff';
  const currentIndex = phases.indexOf(f.phase);
  return (
    <>
      <div className="phase-line" aria-label="Faser">
        {phases.map((p, i) => {
          const started = [...f.phases].reverse().find((x) => x.phase === p);
          return (
            <div key={p} className={i === currentIndex && !closed ? 'current' : i < currentIndex || closed ? 'done' : undefined}>
              {phaseLabels[p]}
              <div className="small muted">{started ? `fra ${formatDate(started.fromDate)}` : 'ikke startet'}</div>
            </div>
          );
        })}
      </div>
      {!closed && (
        <div className="actions no-print" style={{ marginTop: 0, marginBottom: '1rem' }}>
          <button type="button" className="secondary" onClick={() => setDialog('phase')}>
            Skift fase
          </button>
          <button type="button" className="secondary" onClick={() => setDialog('edit')}>
            Redigér oplysninger
          </button>
          {isLeader && (
            <button type="button" className="secondary" onClick={() => setDialog('close')}>
              Afslut forløb
            </button>
          )}
        </div>
      )}
      <div className="grid-2">
        <div className="panel">
          <h2 style={{ marginTop: 0 }}>Forløb</h2>
          <dl className="facts">
            <dt>Start</dt>
            <dd>{formatDate(f.startDate)}</dd>
            <dt>Planlagt slut</dt>
            <dd>{formatDate(f.plannedEndDate)}</dd>
            {f.endDate && (
              <>
                <dt>Afsluttet</dt>
                <dd>
                  {formatDate(f.endDate)} · {f.outcome ? outcomeLabels[f.outcome] : ''} {f.outcomeNote ? `· ${f.outcomeNote}` : ''}
                </dd>
              </>
            )}
            <dt>Kommune</dt>
            <dd>{f.municipality ?? '–'}</dd>
            <dt>Sagsbehandler</dt>
            <dd>
              {f.caseworkerName ?? '–'} {f.caseworkerContact ? `(${f.caseworkerContact})` : ''}
            </dd>
            <dt>Lovgrundlag</dt>
            <dd>{f.legalBasis}</dd>
          </dl>
          <h3>Faseskift</h3>
          <ul className="plain">
            {f.phases.map((p, i) => (
              <li key={i}>
                {formatDate(p.fromDate)}: {phaseLabels[p.phase]} <span className="muted small">(registreret af {p.recordedBy})</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="panel">
          <h2 style={{ marginTop: 0 }}>Personer</h2>
          <ul className="plain">
            {f.persons.map((p) => (
              <PersonLine key={p.id} person={p} onBorn={closed ? undefined : () => setDialog({ born: p })} onEdit={closed ? undefined : () => setDialog({ editPerson: p })} />
            ))}
          </ul>
          {!closed && (
            <button type="button" className="link" onClick={() => setDialog('person')}>
              Tilføj person
            </button>
          )}
          <h2>Indsatsteam</h2>
          <ul className="plain">
            {f.team
              .filter((m) => !m.removedAt)
              .map((m) => (
                <li key={m.id}>
                  {m.name} · {m.role === 'other' && m.roleOther ? m.roleOther : teamRoleLabels[m.role]} {m.isCoordinator && <span className="badge">Tovholder</span>}
                </li>
              ))}
          </ul>
          <Link href={`/familier/${f.id}/team`}>Gå til team</Link>
        </div>
      </div>
      {!closed && <DueSummary familyId={f.id} />}
      <DischargeOverviewPanel family={f} />
      <ConcernsPanel family={f} />
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Seneste notater</h2>
        {f.latestObservations.length === 0 ? (
          <p className="muted">Ingen notater endnu.</p>
        ) : (
          f.latestObservations.map((o) => (
            <div key={o.id}>
              <div className="small muted">{formatDateTime(o.observedAt)}</div>
              <ObservationCard observation={o} canAmend={false} />
            </div>
          ))
        )}
        <Link href={`/familier/${f.id}/dagbog`}>Hele dagbogen</Link>
      </div>
      {dialog === 'phase' && <PhaseDialog family={f} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseDialog family={f} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <EditFamilyDialog family={f} onClose={() => setDialog(null)} />}
      {dialog === 'person' && <PersonDialog family={f} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === 'object' && 'born' in dialog && <BornDialog family={f} person={dialog.born} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === 'object' && 'editPerson' in dialog && <PersonDialog family={f} person={dialog.editPerson} onClose={() => setDialog(null)} />}
    </>
  );
}
