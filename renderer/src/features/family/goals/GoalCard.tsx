import type { Chart } from '../../../../../common/progression';
import { goalAreaLabels, goalStatusLabels, type Goal } from '../../../../../common/goals';
import { formatDate, formatDateTime } from '../../../ui/format';
import { chartGoalOf, goalFigure } from '../progression/chartLines';
import { FigureView } from '../progression/FigureView';

export type GoalAction = 'review' | 'revise' | 'link';

const participants = (r: Goal['reviews'][number]) => r.participants.map((p) => p.name).join(', ');

/** One goal: the parents' words, its facts, the reviews with both scores side by side, the chart and the linked notes. */
export function GoalCard({ goal: g, phases, xDomain, closed, onAction }: { goal: Goal; phases: Chart['phases']; xDomain: [number, number]; closed: boolean; onAction: (a: GoalAction) => void }) {
  const figure = goalFigure(chartGoalOf(g), phases, xDomain);
  const area = g.area === 'other' && g.areaOther ? g.areaOther : goalAreaLabels[g.area];
  return (
    <article className="panel goal" aria-labelledby={`goal-${g.id}-title`} data-testid="goal">
      <header className="goal-head">
        <h3 id={`goal-${g.id}-title`} className="goal-words">
          {g.text}
        </h3>
        <span className={g.status === 'active' ? 'badge' : 'badge muted-badge'}>{goalStatusLabels[g.status]}</span>
        {g.reviewDue?.overdue && <span className="badge danger">Opfølgning overskredet</span>}
        {g.targetPassed && <span className="badge warn">Måldatoen er passeret</span>}
      </header>
      <p className="small muted">
        {area} · start {formatDate(g.startDate)}
        {g.targetDate && ` · måldato ${formatDate(g.targetDate)}`} · opfølgning hver {g.reviewEveryDays}. dag
        {g.reviewDue && ` · næste ${formatDate(g.reviewDue.dueOn)}`}
      </p>
      {!closed && (
        <div className="row-actions no-print">
          <button type="button" onClick={() => onAction('review')}>
            Ny opfølgning
          </button>
          <button type="button" className="secondary" onClick={() => onAction('link')}>
            Knyt notater
          </button>
          <button type="button" className="secondary" onClick={() => onAction('revise')}>
            Ændr mål
          </button>
        </div>
      )}
      <h4>Opfølgninger</h4>
      {g.reviews.length === 0 ? (
        <p className="muted">Ingen opfølgninger endnu.</p>
      ) : (
        <table className="list" data-testid="goal-reviews">
          <thead>
            <tr>
              <th scope="col">Dato</th>
              <th scope="col" className="num">
                Medarbejderne
              </th>
              <th scope="col" className="num">
                Forældrene
              </th>
              <th scope="col">Forældrenes egne ord</th>
              <th scope="col">Note</th>
              <th scope="col">Deltog</th>
            </tr>
          </thead>
          <tbody>
            {[...g.reviews].reverse().map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatDate(r.reviewedOn)}</td>
                <td className="num">{r.staffScore ?? '–'}</td>
                <td className="num">{r.parentScore ?? '–'}</td>
                <td>{r.parentComment ?? ''}</td>
                <td>{r.note ?? ''}</td>
                <td className="small">{participants(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {g.reviews.length > 0 && <FigureView figure={{ ...figure, title: 'Udvikling' }} height={200} headingLevel="h4" />}
      <h4>Notater knyttet til målet</h4>
      {g.observations.length === 0 ? (
        <p className="muted">Ingen notater endnu. Vælg «Knyt notater» for at knytte dagbogsnotater til målet.</p>
      ) : (
        <ul className="plain linked-notes" data-testid="goal-notes">
          {g.observations.map(({ observation: o }) => (
            <li key={o.id}>
              <strong>{formatDateTime(o.observedAt)}</strong> · {o.author.name}
              {o.category && ` · ${o.category.label}`}
              <div className="linked-text">{o.text}</div>
            </li>
          ))}
        </ul>
      )}
      {g.revisions.length > 1 && (
        <details className="small">
          <summary>Tidligere versioner ({g.revisions.length - 1})</summary>
          <ol className="history">
            {g.revisions.map((r) => (
              <li key={r.id}>
                {formatDateTime(r.at)} af {r.by.name}: «{r.text}» · {goalStatusLabels[r.status]}
                {r.reason && ` · Begrundelse: ${r.reason}`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}
