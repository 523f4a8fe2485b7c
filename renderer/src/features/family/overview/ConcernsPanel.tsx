import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { acknowledgementActionLabels, type Underretning } from '../../../../../common/concerns';
import type { FamilyDetail } from '../../../../../common/families';
import type { Observation } from '../../../../../common/journal';
import { formatDate, formatDateTime } from '../../../ui/format';
import { useLocationOptions } from '../../../ui/hashRoute';
import { noteHref } from '../../journal/noteHref';
import { UnderretningAmendDialog } from './UnderretningAmendDialog';
import { UnderretningDialog } from './UnderretningDialog';

const firstLine = (text: string) => (text.length > 220 ? `${text.slice(0, 220).trimEnd()} …` : text);

/** One serious concern: when, who, the beginning of the note, and what a leader did about it (or that it waits). */
function ConcernItem({ o, onUnderretning }: { o: Observation; onUnderretning?: () => void }) {
  const ack = o.acknowledgement;
  return (
    <li className="concern-item">
      <div className="small">
        <a href={noteHref(o)}>{formatDateTime(o.observedAt)}</a> · {o.author.name}
        {o.category && ` · ${o.category.label}`}
      </div>
      <p className="concern-text">{firstLine(o.text)}</p>
      {ack ? (
        <div className="small ack">
          <strong>Kvitteret</strong> af {ack.by.name} den {formatDateTime(ack.at)}
          {ack.actions.length > 0 && `: ${ack.actions.map((a) => acknowledgementActionLabels[a]).join(', ')}`}
          {ack.note && <div className="muted">»{ack.note}«</div>}
        </div>
      ) : (
        <span className="badge concern-serious">Afventer kvittering fra en leder</span>
      )}
      {onUnderretning && (
        <div>
          <button type="button" className="link small" onClick={onUnderretning}>
            Registrér underretning om denne bekymring
          </button>
        </div>
      )}
    </li>
  );
}

function UnderretningItem({ u, note, onAmend }: { u: Underretning; note: Observation | undefined; onAmend?: () => void }) {
  return (
    <li className="concern-item" data-testid="underretning">
      <div>
        <strong>Sendt {formatDate(u.sentOn)}</strong> til {u.municipality}
        {u.recipient && ` (${u.recipient})`}
      </div>
      <div className="small muted">
        Registreret af {u.sentBy.name} den {formatDateTime(u.createdAt)}
      </div>
      {note && (
        <div className="small">
          Om <a href={noteHref(note)}>notatet fra {formatDateTime(note.observedAt)}</a>
        </div>
      )}
      <p className="concern-text">{u.reason}</p>
      {u.amendments.map((a) => (
        <div key={a.id} className="amendment">
          <div className="small">
            <strong>Rettelse</strong> af {a.author.name} den {formatDateTime(a.createdAt)} · Begrundelse: {a.reason}
          </div>
          <p className="observation-text">{a.text}</p>
        </div>
      ))}
      {onAmend && (
        <button type="button" className="link small" onClick={onAmend}>
          Tilføj rettelse
        </button>
      )}
    </li>
  );
}

/**
 * Bekymringer og underretninger: every serious concern with what was done about it, and every underretning with its
 * corrections. »Registrér underretning« opens the form; after a serious note whose writer considers an underretning,
 * the address names the note (?underretning=345) and the form opens with it.
 */
export function ConcernsPanel({ family: f }: { family: FamilyDetail }) {
  const [, navigate] = useLocation();
  const requested = Number(useLocationOptions().get('underretning')) || null;
  const [creating, setCreating] = useState<{ observation: Observation | null } | null>(null);
  const [amending, setAmending] = useState<Underretning | null>(null);
  const open = f.endDate === null;
  useEffect(() => {
    if (!requested || !open) return;
    // The family is fetched again after the signing: the form opens once the new note is in it.
    const observation = f.concernHistory.find((o) => o.id === requested);
    if (!observation) return;
    setCreating({ observation });
    // Opened once: back and reload do not open it again.
    navigate(`/familier/${f.id}/overblik`, { replace: true });
  }, [requested, f.concernHistory]);
  return (
    <section className="panel" aria-labelledby="concerns-title" data-testid="concerns">
      <h2 id="concerns-title" style={{ marginTop: 0 }}>
        Bekymringer og underretninger
      </h2>
      {open && (
        <div className="actions" style={{ marginTop: 0 }}>
          <button type="button" className="secondary" onClick={() => setCreating({ observation: null })}>
            Registrér underretning
          </button>
        </div>
      )}
      <div className="grid-2">
        <div>
          <h3>Alvorlige bekymringer</h3>
          {f.concernHistory.length === 0 ? (
            <p className="muted">Ingen alvorlige bekymringer.</p>
          ) : (
            <ol className="plain" data-testid="concern-history">
              {f.concernHistory.map((o) => (
                <ConcernItem key={o.id} o={o} onUnderretning={open ? () => setCreating({ observation: o }) : undefined} />
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3>Underretninger</h3>
          {f.underretninger.length === 0 ? (
            <p className="muted">Ingen underretninger registreret.</p>
          ) : (
            <ol className="plain">
              {f.underretninger.map((u) => (
                <UnderretningItem key={u.id} u={u} note={f.concernHistory.find((o) => o.id === u.observationId)} onAmend={open ? () => setAmending(u) : undefined} />
              ))}
            </ol>
          )}
        </div>
      </div>
      {creating && <UnderretningDialog family={f} observation={creating.observation} onClose={() => setCreating(null)} />}
      {amending && <UnderretningAmendDialog underretning={amending} onClose={() => setAmending(null)} />}
    </section>
  );
}
