import { format, parseISO } from 'date-fns';
import { da } from 'date-fns/locale';
import { stepStatusLabels, type TimelineEntry } from '../../../../../common/discharge';
import { formatDate } from '../../../ui/format';
import { barOf, timelineScale } from './timelineScale';

/**
 * The steps against today: one row per step with its bar on a calendar axis, today and the target date as lines.
 * Status and "overskredet" are written out as well as drawn, so the view reads without colour and aloud.
 */
export function DischargeTimeline({ entries, today, targetDate }: { entries: TimelineEntry[]; today: string; targetDate: string | null }) {
  if (entries.length === 0) return <p className="muted">Planen har ingen trin endnu.</p>;
  const scale = timelineScale(entries, today, targetDate);
  const todayLeft = scale.at(today);
  const targetLeft = targetDate ? scale.at(targetDate) : null;
  const overdue = entries.filter((e) => e.overdue).length;
  return (
    <div className="timeline" data-testid="timeline">
      <p className="small">
        I dag er {formatDate(today)}.{' '}
        {overdue > 0 ? <strong className="overdue-text">{overdue === 1 ? '1 trin er overskredet.' : `${overdue} trin er overskredet.`}</strong> : 'Ingen trin er overskredet.'}
      </p>
      <div className="timeline-grid">
        <div className="timeline-axis" aria-hidden="true">
          {scale.ticks.map((t) => (
            <span key={t.date} className="timeline-tick" style={{ left: `${t.left}%` }}>
              {format(parseISO(t.date), 'MMM yyyy', { locale: da })}
            </span>
          ))}
          <span className="timeline-today-label" style={{ left: `${todayLeft}%` }}>
            I dag
          </span>
          {targetLeft !== null && (
            <span className="timeline-target-label" style={{ left: `${targetLeft}%` }}>
              Måldato
            </span>
          )}
        </div>
        <ol className="timeline-rows">
          {entries.map((e) => {
            const bar = barOf(scale, e);
            return (
              <li key={e.key} className={`timeline-row status-${e.status}${e.overdue ? ' overdue' : ''}`} data-testid="timeline-step">
                <div className="timeline-label">
                  <strong>{e.title}</strong>
                  <span className="small">
                    {formatDate(e.startsOn)}
                    {e.lastDay !== e.startsOn && `–${formatDate(e.lastDay)}`} · {stepStatusLabels[e.status]}
                    {e.overdue && <span className="badge overdue"> ! Overskredet</span>}
                  </span>
                </div>
                <div className="timeline-track" aria-hidden="true">
                  {scale.ticks.map((t) => (
                    <span key={t.date} className="timeline-gridline" style={{ left: `${t.left}%` }} />
                  ))}
                  {targetLeft !== null && <span className="timeline-target" style={{ left: `${targetLeft}%` }} />}
                  <span className="timeline-today" style={{ left: `${todayLeft}%` }} />
                  <span className="timeline-bar" style={{ left: `${bar.left}%`, width: `${bar.width}%` }}>
                    {e.status === 'done' ? '✓' : e.status === 'cancelled' ? '✕' : e.overdue ? '!' : ''}
                  </span>
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
