import { useQuery } from '@tanstack/react-query';
import { goalAreaLabels, goalStatusLabels, type Goal } from '../../../../../common/goals';
import { call, errorText } from '../../../app/api';
import { phaseMarkers } from '../../../ui/charts/chartModel';
import { Notice } from '../../../ui/Field';
import { formatDate, today } from '../../../ui/format';
import { PrintLayout } from '../../../ui/print/PrintLayout';
import { usePrintRecord } from '../../../ui/print/usePrintRecord';
import { allianceFigure, familyDomain, goalFigure, instrumentFigure, type ChartGoal } from '../progression/chartLines';
import { FigureView } from '../progression/FigureView';
import { Signatures } from './Signatures';
import './prints.css';

/** The width of a chart on A4 portrait inside 15 mm margins (180 mm at 96 dpi, a little to spare). */
export const PRINT_CHART_WIDTH = 660;

/** The options of #/udskrift/progression/<familyId>: fra and til (yyyy-MM-dd), both optional. */
export function periodOptions(options: URLSearchParams): { from?: string; to?: string } {
  return { from: options.get('fra') || undefined, to: options.get('til') || undefined };
}

const inPeriod = (date: string, p: { from?: string; to?: string }) => (!p.from || date >= p.from) && (!p.to || date <= p.to);

/**
 * The A4 progression report for a family and a period: every instrument's chart (fixed size) with its score table,
 * the udviklingsmål with their reviews in the period, the samarbejdsalliance, and room for signatures.
 */
export function ProgressionReportPrint({ familyId, options, institutionName, printedBy }: { familyId: number; options: URLSearchParams; institutionName: string; printedBy: string }) {
  const period = periodOptions(options);
  const chart = useQuery({ queryKey: ['chart', familyId, 'print', period], queryFn: () => call('progression:chart', { familyId, ...period }), staleTime: 0, gcTime: 0 });
  const goals = useQuery({ queryKey: ['goals', familyId], queryFn: () => call('goals:list', { familyId }), staleTime: 0 });
  const printed = usePrintRecord('progression_report', [familyId]);
  const error = chart.error ?? goals.error;
  if (error)
    return (
      <div className="print-screen">
        <div className="print-sheet">
          <Notice kind="error">{errorText(error)}</Notice>
          <a href={`#/familier/${familyId}/udskrifter`}>Tilbage til familien</a>
        </div>
      </div>
    );
  if (!chart.data || !goals.data) return <p className="muted center-screen">Henter rapporten …</p>;
  const c = chart.data;
  const xDomain = familyDomain(c, period, today());
  const markers = phaseMarkers(c.phases, xDomain);
  const instruments = c.instruments.map((inst) => instrumentFigure(inst, c, xDomain)).filter((f) => f.lines.some((l) => l.points.length > 0));
  const alliance = allianceFigure(
    c.alliance.map((p) => ({ ...p, points: p.points.filter((pt) => inPeriod(pt.date, period)) })).filter((p) => p.points.length > 0),
    xDomain,
    markers,
  );
  const shownGoals = goals.data.filter((g) => (!period.to || g.startDate <= period.to) && (g.status === 'active' || g.status === 'paused' || g.reviews.some((r) => inPeriod(r.reviewedOn, period))));
  const chartGoals = new Map(c.goals.map((g) => [g.goalId, g]));
  return (
    <PrintLayout
      title="Progressionsrapport"
      institutionName={institutionName}
      familyName={c.displayName}
      period={{ from: period.from ?? c.startDate, to: period.to ?? c.endDate ?? today() }}
      printedBy={printedBy}
      backHref={`/familier/${familyId}/udskrifter`}
      printed={printed}
    >
      <section className="print-section">
        <h2>Målinger</h2>
        {instruments.length === 0 ? (
          <p className="muted">Ingen målinger i perioden.</p>
        ) : (
          instruments.map((f) => <FigureView key={f.key} figure={f} print width={PRINT_CHART_WIDTH} height={220} />)
        )}
      </section>
      <section className="print-section">
        <h2>Udviklingsmål</h2>
        {shownGoals.length === 0 ? <p className="muted">Ingen udviklingsmål i perioden.</p> : shownGoals.map((g) => <PrintedGoal key={g.id} goal={g} chartGoal={chartGoals.get(g.id)} period={period} phases={c.phases} xDomain={xDomain} />)}
      </section>
      {alliance && (
        <section className="print-section">
          <h2>Samarbejdsalliancen</h2>
          <FigureView figure={alliance} print width={PRINT_CHART_WIDTH} height={200} />
        </section>
      )}
      <Signatures roles={['Tovholder', 'Forælder', 'Forælder']} />
    </PrintLayout>
  );
}

function PrintedGoal({ goal: g, chartGoal, period, phases, xDomain }: { goal: Goal; chartGoal: ChartGoal | undefined; period: { from?: string; to?: string }; phases: Parameters<typeof goalFigure>[1]; xDomain: [number, number] }) {
  const reviews = g.reviews.filter((r) => inPeriod(r.reviewedOn, period));
  const area = g.area === 'other' && g.areaOther ? g.areaOther : goalAreaLabels[g.area];
  return (
    <div className="print-goal" data-testid="print-goal">
      <h3 className="goal-words">{g.text}</h3>
      <p className="small">
        {area} · {goalStatusLabels[g.status]} · start {formatDate(g.startDate)}
        {g.targetDate && ` · måldato ${formatDate(g.targetDate)}`} · skala {g.scale.min}–{g.scale.max}
        {g.scale.lowLabel && ` (${g.scale.min} = ${g.scale.lowLabel}`}
        {g.scale.lowLabel && g.scale.highLabel && `, ${g.scale.max} = ${g.scale.highLabel}`}
        {g.scale.lowLabel && ')'}
      </p>
      {reviews.length === 0 ? (
        <p className="muted">Ingen opfølgninger i perioden.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>Dato</th>
              <th className="num">Medarbejderne</th>
              <th className="num">Forældrene</th>
              <th>Forældrenes egne ord</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatDate(r.reviewedOn)}</td>
                <td className="num">{r.staffScore ?? '–'}</td>
                <td className="num">{r.parentScore ?? '–'}</td>
                <td>{r.parentComment ?? ''}</td>
                <td>{r.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chartGoal && reviews.length > 1 && <FigureView figure={{ ...goalFigure(chartGoal, phases, xDomain), title: 'Udvikling' }} print printTable={false} width={PRINT_CHART_WIDTH} height={170} headingLevel="h4" />}
    </div>
  );
}
