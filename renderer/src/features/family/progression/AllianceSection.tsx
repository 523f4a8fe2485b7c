import type { AlliancePair } from '../../../../../common/alliance';
import { formatNumber } from '../../../../../common/scoring';
import { cutoffText, type Marker } from '../../../ui/charts/chartModel';
import { formatDate } from '../../../ui/format';
import { allianceFigure } from './chartLines';
import { FigureView } from './FigureView';

/** The alert in words: low (flagged by the cut-off) and/or falling (2 points below the recent level). */
export function allianceAlertText(p: AlliancePair): string | null {
  const parts = [p.alert.low && p.cutoff ? `seneste total er ${cutoffText(p.cutoff.rule, p.cutoff.value)}` : null, p.alert.falling ? 'faldet mindst 2 point under de seneste målinger' : null].filter(Boolean);
  return parts.length ? `Samarbejdsalliancen med ${p.staff.name}: ${parts.join(' og ')}. Tal med familien om samarbejdet.` : null;
}

/** SRS per staff member: the latest rating, the alert, and one chart with a line per staff member. */
export function AllianceSection({ pairs, xDomain, markers, print }: { pairs: AlliancePair[]; xDomain: [number, number]; markers: Marker[]; print?: boolean }) {
  if (pairs.length === 0) return <p className="muted">Ingen vurderinger af samarbejdet (SRS) endnu.</p>;
  const byInstrument = [...new Set(pairs.map((p) => p.instrumentId))].map((id) => pairs.filter((p) => p.instrumentId === id));
  return (
    <>
      {pairs.map((p) => {
        const text = allianceAlertText(p);
        return text ? (
          <div key={`${p.instrumentId}-${p.staff.id}`} className="notice warn" role="status" data-testid="alliance-alert">
            {text}
          </div>
        ) : null;
      })}
      <table className="list" data-testid="alliance">
        <thead>
          <tr>
            <th scope="col">Medarbejder</th>
            <th scope="col">Redskab</th>
            <th scope="col" className="num">
              Seneste
            </th>
            <th scope="col">Dato</th>
            <th scope="col" className="num">
              Vurderinger
            </th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => {
            const last = p.points[p.points.length - 1];
            return (
              <tr key={`${p.instrumentId}-${p.staff.id}`}>
                <td>{p.staff.name}</td>
                <td>{p.instrumentName}</td>
                <td className="num">
                  {last ? formatNumber(last.total) : '–'} {(p.alert.low || p.alert.falling) && <span className="badge danger">{[p.alert.low ? 'Lav' : null, p.alert.falling ? 'faldende' : null].filter(Boolean).join(' og ').replace(/^f/, 'F')}</span>}
                </td>
                <td>{last ? formatDate(last.date) : '–'}</td>
                <td className="num">{p.points.length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {byInstrument.map((group) => {
        const figure = allianceFigure(group, xDomain, markers);
        return figure ? <FigureView key={figure.key} figure={figure} print={print} width={print ? 640 : undefined} height={print ? 200 : 240} /> : null;
      })}
    </>
  );
}
