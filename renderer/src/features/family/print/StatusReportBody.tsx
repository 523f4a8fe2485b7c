import { personKindLabels, phaseLabels } from '../../../../../common/families';
import { goalAreaLabels, goalStatusLabels } from '../../../../../common/goals';
import { formatNumber } from '../../../../../common/scoring';
import { statusReportSectionLabels, statusReportSections, type StatusReportContent } from '../../../../../common/status-reports';
import { teamRoleLabels } from '../../../../../common/team';
import { formatDate, formatDateTime } from '../../../ui/format';

/** The facts of a statusrapport: the family, the goals with their reviews, the measurements, concerns and chosen notes. */
export function StatusReportFacts({ content: c }: { content: StatusReportContent }) {
  return (
    <>
      <section className="print-section">
        <h2>Familien og forløbet</h2>
        <dl className="print-facts">
          <dt>Kommune</dt>
          <dd>{c.family.municipality ?? '–'}{c.family.caseworkerName && ` · sagsbehandler ${c.family.caseworkerName}`}</dd>
          <dt>Lovgrundlag</dt>
          <dd>{c.family.legalBasis}</dd>
          <dt>Forløb</dt>
          <dd>
            Start {formatDate(c.family.startDate)} · planlagt slut {formatDate(c.family.plannedEndDate)} · {phaseLabels[c.family.phase]}
          </dd>
          <dt>Personer</dt>
          <dd>{c.persons.map((p) => `${p.name} (${personKindLabels[p.kind].toLowerCase()}${p.birthDate ? `, født ${formatDate(p.birthDate)}` : ''})`).join(', ')}</dd>
          <dt>Tovholder</dt>
          <dd>{c.coordinator?.name ?? '–'}</dd>
          <dt>Indsatsteam</dt>
          <dd>{c.team.map((m) => `${m.name} (${m.role === 'other' && m.roleOther ? m.roleOther : teamRoleLabels[m.role]}${m.organisation ? `, ${m.organisation}` : ''})`).join(', ') || '–'}</dd>
        </dl>
      </section>
      <section className="print-section">
        <h2>Udviklingsmål</h2>
        {c.goals.length === 0 && <p className="muted">Ingen udviklingsmål i perioden.</p>}
        {c.goals.map((g) => (
          <div key={g.id} className="print-goal" data-testid="report-goal">
            <h3 className="goal-words">{g.text}</h3>
            <p className="small">
              {g.area === 'other' && g.areaOther ? g.areaOther : goalAreaLabels[g.area]} · {goalStatusLabels[g.status]} · start {formatDate(g.startDate)}
              {g.targetDate && ` · måldato ${formatDate(g.targetDate)}`} · skala {g.scale.min}–{g.scale.max}
            </p>
            {g.reviews.length === 0 ? (
              <p className="muted small">Ingen opfølgninger i perioden.</p>
            ) : (
              <ul className="plain small">
                {g.reviews.map((r) => (
                  <li key={r.id}>
                    {formatDate(r.reviewedOn)}: medarbejderne {r.staffScore ?? '–'}, forældrene {r.parentScore ?? '–'}
                    {r.parentComment && ` · forældrene: «${r.parentComment}»`}
                    {r.note && ` · ${r.note}`}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>
      <section className="print-section">
        <h2>Målinger</h2>
        {c.measurements.length === 0 ? (
          <p className="muted">Ingen målinger i perioden.</p>
        ) : (
          <table className="list" data-testid="report-measurements">
            <thead>
              <tr>
                <th>Dato</th>
                <th>Måleredskab</th>
                <th>Hvem</th>
                <th className="num">Total</th>
                <th>Grænseværdi</th>
              </tr>
            </thead>
            <tbody>
              {c.measurements.map((m) => (
                <tr key={m.id}>
                  <td className="nowrap">{formatDate(m.measuredOn)}</td>
                  <td>
                    {m.instrumentName}
                    {m.interval !== null && ` (${m.interval} mdr.)`}
                  </td>
                  <td>{m.personName}</td>
                  <td className="num">{m.total === null ? '–' : formatNumber(m.total)}</td>
                  <td>{m.zone === 'flagged' ? 'Over grænseværdien' : m.zone === 'monitor' ? 'Skal følges' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {(c.concerns.length > 0 || c.underretninger.length > 0) && (
        <section className="print-section">
          <h2>Bekymringer og underretninger</h2>
          <ul className="plain">
            {c.concerns.map((o) => (
              <li key={`c${o.id}`}>
                <strong>{formatDateTime(o.observedAt)}</strong> · alvorlig bekymring · <span className="print-text">{o.text}</span>
              </li>
            ))}
            {c.underretninger.map((u) => (
              <li key={`u${u.id}`}>
                <strong>{formatDate(u.sentOn)}</strong> · underretning til {u.municipality}: {u.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="print-section">
        <h2>Udvalgte dagbogsnotater</h2>
        {c.observations.length === 0 ? (
          <p className="muted">Ingen notater valgt.</p>
        ) : (
          <ul className="plain linked-notes" data-testid="report-notes">
            {c.observations.map((o) => (
              <li key={o.id}>
                <strong>{formatDateTime(o.observedAt)}</strong> · {o.author.name}
                <div className="print-text">{o.text}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The written sections, in their fixed order; empty ones are left out. */
export function StatusReportSections({ sections }: { sections: Record<string, string> }) {
  const written = statusReportSections.filter((s) => sections[s]?.trim());
  if (written.length === 0) return <p className="muted">Ingen tekst skrevet.</p>;
  return (
    <>
      {written.map((s) => (
        <section key={s} className="print-section">
          <h2>{statusReportSectionLabels[s]}</h2>
          <p className="print-text">{sections[s]}</p>
        </section>
      ))}
    </>
  );
}
