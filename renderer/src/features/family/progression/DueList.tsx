import { Link } from 'wouter';
import { formatAge } from '../../../../../common/age';
import type { FamilyProgression } from '../../../../../common/progression';
import { scheduleStatusLabels, type ScheduleItem } from '../../../../../common/schedule';
import { formatDate } from '../../../ui/format';
import type { MeasurementPreset } from './MeasurementDialog';

const statusClass: Record<ScheduleItem['status'], string> = { overdue: 'badge danger', due: 'badge warn', upcoming: 'badge', missed: 'badge muted-badge' };

/** The children's (corrected) ages, the measurements due, overdue, coming up or missed, and the goal reviews due. */
export function DueList({ progression: p, familyId, onRegister, closed }: { progression: FamilyProgression; familyId: number; onRegister: (preset: MeasurementPreset) => void; closed: boolean }) {
  return (
    <section className="panel" aria-labelledby="due-title">
      <h2 id="due-title" className="panel-title">
        Det skal måles
      </h2>
      {p.children.length > 0 && (
        <ul className="plain small" aria-label="Børnenes alder">
          {p.children.map((c) => (
            <li key={c.personId}>
              <strong>{c.name}</strong>:{' '}
              {c.ageToday
                ? `${formatAge({ months: c.ageToday.months, days: c.ageToday.days })}${c.ageToday.corrected ? ` (korrigeret alder; født ${c.ageToday.weeksEarly} uger før termin)` : ''}`
                : c.dueDate
                  ? `ikke født endnu (termin ${formatDate(c.dueDate)})`
                  : 'ikke født endnu'}
            </li>
          ))}
        </ul>
      )}
      {!p.moveInDate && <p className="muted small">Familien er ikke flyttet ind endnu: planen regnes fra forløbets start.</p>}
      {p.due.length === 0 ? (
        <p className="muted">{closed ? 'Forløbet er afsluttet: intet skal måles.' : 'Intet skal måles de næste 14 dage.'}</p>
      ) : (
        <table className="list" data-testid="due-list">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Måleredskab</th>
              <th scope="col">Hvem</th>
              <th scope="col">Fra</th>
              <th scope="col">Hvorfor</th>
              <th scope="col">
                <span className="sr-only">Handling</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.due.map((d) => (
              <tr key={`${d.instrumentId}-${d.personId}-${d.interval ?? ''}`}>
                <td>
                  <span className={statusClass[d.status]}>{scheduleStatusLabels[d.status]}</span>
                </td>
                <td>
                  {d.instrumentName}
                  {d.interval ? ` (${d.interval} mdr.)` : ''}
                </td>
                <td>{d.personName}</td>
                <td className="nowrap">
                  {formatDate(d.dueFrom)}
                  {d.status === 'overdue' && <div className="small muted">frist {formatDate(d.overdueAfter)}</div>}
                </td>
                <td className="small">
                  {d.reason}
                  {d.lastMeasuredOn && <div className="muted">Sidst målt {formatDate(d.lastMeasuredOn)}</div>}
                </td>
                <td>
                  {d.status !== 'missed' && !closed && (
                    <button type="button" className="secondary small-button" onClick={() => onRegister({ instrumentId: d.instrumentId, personId: d.personId, interval: d.interval })}>
                      Registrér<span className="sr-only"> {d.instrumentName} for {d.personName}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.goalReviews.length > 0 && (
        <>
          <h3>Opfølgning på mål</h3>
          <ul className="plain" data-testid="goal-reviews-due">
            {p.goalReviews.map((g) => (
              <li key={g.goalId}>
                <span className={g.overdue ? 'badge danger' : 'badge warn'}>{g.overdue ? 'Overskredet' : 'Snart'}</span> <Link href={`/familier/${familyId}/maal`}>{g.text}</Link>{' '}
                <span className="muted small">
                  opfølgning {formatDate(g.dueOn)}
                  {g.targetPassed ? ' · måldatoen er passeret' : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
