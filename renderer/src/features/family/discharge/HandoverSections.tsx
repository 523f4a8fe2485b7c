import { phaseLabels } from '../../../../../common/families';
import type { HandoverGoal, HandoverPackage } from '../../../../../common/handover-package';
import { agreementStatusLabels, helpAreaLabels, networkRelationLabels, networkSupportLabels } from '../../../../../common/network';
import { partyLabel } from '../../../../../common/parties';
import { formatDate } from '../../../ui/format';

/** The overleveringspakke's sections about the family, its team, the udviklingsmål and the network. */
export function FamilySection({ family: f }: { family: HandoverPackage['family'] }) {
  return (
    <section aria-labelledby="handover-family">
      <h2 id="handover-family">Familien</h2>
      <dl className="facts">
        <dt>Forløb</dt>
        <dd>
          {formatDate(f.startDate)}–{f.endDate ? formatDate(f.endDate) : `planlagt til ${formatDate(f.plannedEndDate)}`} · {phaseLabels[f.phase]}
        </dd>
        <dt>Kommune</dt>
        <dd>{f.municipality ?? '–'}</dd>
        <dt>Sagsbehandler</dt>
        <dd>{[f.caseworkerName, f.caseworkerContact].filter(Boolean).join(', ') || '–'}</dd>
        <dt>Lovgrundlag</dt>
        <dd>{f.legalBasis}</dd>
      </dl>
      <table className="list">
        <thead>
          <tr>
            <th>Navn</th>
            <th>Hvem</th>
            <th>Født / termin</th>
          </tr>
        </thead>
        <tbody>
          {f.persons.map((p, i) => (
            <tr key={i}>
              <td>{p.name}</td>
              <td>{p.kindLabel}</td>
              <td>{p.birthDate ? formatDate(p.birthDate) : p.dueDate ? `termin ${formatDate(p.dueDate)}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function TeamSection({ team }: { team: HandoverPackage['family']['team'] }) {
  return (
    <section aria-labelledby="handover-team">
      <h2 id="handover-team">Indsatsteamet</h2>
      <table className="list">
        <thead>
          <tr>
            <th>Navn</th>
            <th>Rolle</th>
            <th>Organisation</th>
            <th>Telefon</th>
            <th>E-mail</th>
          </tr>
        </thead>
        <tbody>
          {team.map((m, i) => (
            <tr key={i}>
              <td>
                {m.name}
                {m.isCoordinator && ' (tovholder)'}
              </td>
              <td>{m.roleLabel}</td>
              <td>{m.organisation ?? '–'}</td>
              <td className="nowrap">{m.phone ?? '–'}</td>
              <td>{m.email ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function GoalsSection({ goals }: { goals: HandoverGoal[] }) {
  return (
    <section aria-labelledby="handover-goals">
      <h2 id="handover-goals">Udviklingsmål</h2>
      {goals.length === 0 ? (
        <p className="muted">Der er ingen udviklingsmål.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>Målet med forældrenes ord</th>
              <th>Status</th>
              <th className="nowrap">Måldato</th>
              <th>Seneste opfølgning</th>
            </tr>
          </thead>
          <tbody>
            {goals.map((g) => (
              <tr key={g.goalId}>
                <td>
                  {g.title}
                  {g.area && <div className="small muted">{g.area}</div>}
                </td>
                <td>{g.status}</td>
                <td className="nowrap">{g.targetDate ? formatDate(g.targetDate) : '–'}</td>
                <td>
                  {g.latestReview ? (
                    <>
                      {formatDate(g.latestReview.date)}
                      {g.latestReview.score !== null && ` · vurdering ${g.latestReview.score}`}
                      {g.latestReview.note && <div className="small">{g.latestReview.note}</div>}
                    </>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function NetworkSection({ network }: { network: HandoverPackage['network'] }) {
  return (
    <section aria-labelledby="handover-network">
      <h2 id="handover-network">Netværket</h2>
      {network.lastMeetingOn && <p>Seneste netværksmøde: {formatDate(network.lastMeetingOn)}.</p>}
      {network.persons.length === 0 ? (
        <p className="muted">Der er ingen personer i netværket.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>Navn</th>
              <th>Relation</th>
              <th>Kontakt</th>
              <th>Kan hjælpe med</th>
              <th>Relationen</th>
            </tr>
          </thead>
          <tbody>
            {network.persons.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>
                  {p.relationText ?? networkRelationLabels[p.relation]}
                  {p.relatedTo && ` til ${p.relatedTo.name}`}
                </td>
                <td className="nowrap">{[p.phone, p.email].filter(Boolean).join(', ') || '–'}</td>
                <td>{p.helpWith.map((h) => helpAreaLabels[h]).join(', ') || '–'}</td>
                <td>{networkSupportLabels[p.support]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Aftaler med netværket</h3>
      {network.agreements.length === 0 ? (
        <p className="muted">Ingen aftaler.</p>
      ) : (
        <ul className="plan-items">
          {network.agreements.map((a) => {
            const last = a.followUps.at(-1);
            return (
              <li key={a.id}>
                <strong>{a.what}</strong> · {partyLabel(a.responsible)}
                {a.when && ` · ${a.when}`} · <em>{agreementStatusLabels[a.status]}</em>
                {last?.note && <div className="small">Opfølgning {formatDate(last.recordedAt)}: {last.note}</div>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
