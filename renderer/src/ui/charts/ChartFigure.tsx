import { useState, type ReactNode } from 'react';
import { formatNumber } from '../../../../common/scoring';
import { chartSummary, timeLabel, type ChartLine } from './chartModel';
import { BandLegend, ChartLegend, TimeChart, type TimeChartProps } from './TimeChart';
import './charts.css';

export interface ChartFigureProps extends Omit<TimeChartProps, 'summary'> {
  title: string;
  /** Under the title: the direction and the cut-off in words. */
  description?: ReactNode;
  /** The table's column for the line ("Person", "Medarbejder", "Skala"). */
  seriesLabel: string;
  valueLabel?: string;
  /** Print: the chart at its fixed size with the table under it, no toggle. */
  print?: boolean;
  /** Print only: leave the table out where the same numbers are printed beside it anyway (a goal's reviews). */
  printTable?: boolean;
  headingLevel?: 'h3' | 'h4';
}

/** The chart's numbers as a table: one row per point, oldest first. */
export function ChartTable({ caption, lines, seriesLabel, valueLabel = 'Point', showCaption = false }: { caption: string; lines: ChartLine[]; seriesLabel: string; valueLabel?: string; showCaption?: boolean }) {
  const rows = lines.flatMap((l) => l.points.map((p) => ({ line: l.name, ...p }))).sort((a, b) => a.t - b.t || a.line.localeCompare(b.line, 'da'));
  const showSeries = lines.length > 1;
  const showNote = rows.some((r) => r.note);
  return (
    <table className="list chart-table">
      <caption className={showCaption ? 'chart-table-caption' : 'sr-only'}>{showCaption ? `${caption}: tallene` : caption}</caption>
      <thead>
        <tr>
          <th scope="col">Dato</th>
          {showSeries && <th scope="col">{seriesLabel}</th>}
          <th scope="col" className="num">
            {valueLabel}
          </th>
          {showNote && <th scope="col">Bemærkning</th>}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={4} className="muted">
              Ingen målinger i perioden.
            </td>
          </tr>
        )}
        {rows.map((r, i) => (
          <tr key={i}>
            <td className="nowrap">{timeLabel(r.t)}</td>
            {showSeries && <td>{r.line}</td>}
            <td className="num">{formatNumber(r.value)}</td>
            {showNote && <td>{r.note ?? ''}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One chart with its title, legend and an accessible table: on screen the button "Vis som tabel" swaps the drawing
 * for the table (and back); on paper both are printed.
 */
export function ChartFigure({ title, description, seriesLabel, valueLabel, print, printTable = true, headingLevel = 'h3', ...chart }: ChartFigureProps) {
  const [asTable, setAsTable] = useState(false);
  const Heading = headingLevel;
  const bandLabel = chart.bands?.[0]?.label;
  const summary = chartSummary(title, chart.lines);
  return (
    <figure className="chart-figure" data-testid={chart.testId ? `${chart.testId}-figure` : undefined}>
      <div className="chart-keep">
      <div className="chart-head">
        <Heading className="chart-title">{title}</Heading>
        {!print && (
          <button type="button" className="secondary small-button no-print" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? 'Vis som graf' : 'Vis som tabel'}
          </button>
        )}
      </div>
      {description && <div className="chart-description small">{description}</div>}
      {asTable && !print ? (
        <ChartTable caption={title} lines={chart.lines} seriesLabel={seriesLabel} valueLabel={valueLabel} />
      ) : (
        <>
          <TimeChart {...chart} summary={summary} />
          <ChartLegend lines={chart.lines} extra={bandLabel ? <BandLegend label={bandLabel} /> : undefined} />
        </>
      )}
      </div>
      {print && printTable && <ChartTable caption={title} lines={chart.lines} seriesLabel={seriesLabel} valueLabel={valueLabel} showCaption />}
    </figure>
  );
}
