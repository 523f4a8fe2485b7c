import { Link } from 'wouter';
import type { FamilyDetail } from '../../../../../common/families';
import type { NetworkOverview } from '../../../../../common/network';
import { formatDate } from '../../../ui/format';

/** The netværksmøder held, newest first. */
export function MeetingsPage({ family, network }: { family: FamilyDetail; network: NetworkOverview }) {
  const base = `/familier/${family.id}/netvaerk/moeder`;
  const meetings = [...network.meetings].sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id - a.id);
  return (
    <>
      {family.endDate === null && (
        <div className="actions no-print" style={{ marginTop: 0, marginBottom: '1rem' }}>
          <Link className="button" href={`${base}/nyt`}>
            Nyt netværksmøde
          </Link>
        </div>
      )}
      {meetings.length === 0 ? (
        <p className="muted">Der er ikke holdt netværksmøder endnu. Skriv referatet her, når mødet er holdt: hvem deltog, hvad blev drøftet og aftalt.</p>
      ) : (
        <table className="list" data-testid="meetings">
          <thead>
            <tr>
              <th>Dato</th>
              <th>Emner</th>
              <th>Deltagere</th>
              <th>Nye aftaler</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.id}>
                <td className="nowrap">
                  <Link href={`${base}/${m.id}`}>Møde {formatDate(m.heldOn)}</Link>
                </td>
                <td>{m.topics.join(' · ') || '–'}</td>
                <td>{m.participants}</td>
                <td>{m.agreements}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
