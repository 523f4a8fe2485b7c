import { useId, type ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../../../common/scoring';
import { lineStyle, timeLabel, timeTicks, valueTicks, type Band, type ChartLine, type ChartPoint, type Marker, type Shape } from './chartModel';

export interface TimeChartProps {
  lines: ChartLine[];
  xDomain: [number, number];
  yDomain: [number, number];
  yLabel: string;
  bands?: Band[];
  markers?: Marker[];
  /** Fixed size (print: ResponsiveContainer does not resize for paper); without: the width of its box. */
  width?: number;
  height: number;
  /** Read aloud instead of the drawing. */
  summary: string;
  testId?: string;
}

/** A marker of the line's shape, filled white with a heavier outline when flagged. */
export function Mark({ cx, cy, shape, color, flagged = false, size = 4.5 }: { cx: number; cy: number; shape: Shape; color: string; flagged?: boolean; size?: number }) {
  const r = flagged ? size + 1 : size;
  const common = { stroke: color, strokeWidth: flagged ? 2.6 : 1.6, fill: flagged ? '#ffffff' : color };
  if (shape === 'square') return <rect x={cx - r} y={cy - r} width={r * 2} height={r * 2} {...common} />;
  if (shape === 'triangle') return <path d={`M${cx},${cy - r - 1} L${cx + r + 1},${cy + r} L${cx - r - 1},${cy + r} Z`} {...common} />;
  if (shape === 'diamond') return <path d={`M${cx},${cy - r - 1} L${cx + r + 1},${cy} L${cx},${cy + r + 1} L${cx - r - 1},${cy} Z`} {...common} />;
  if (shape === 'cross') return <path d={`M${cx - r},${cy - r} L${cx + r},${cy + r} M${cx - r},${cy + r} L${cx + r},${cy - r}`} stroke={color} strokeWidth={2.4} />;
  return <circle cx={cx} cy={cy} r={r} {...common} />;
}

function PointMark({ cx, cy, shape, color, point }: { cx: number; cy: number; shape: Shape; color: string; point: ChartPoint }) {
  return (
    <g className="chart-point" data-date={point.date} data-value={point.value} data-flagged={point.flagged ? 'true' : 'false'}>
      <Mark cx={cx} cy={cy} shape={shape} color={color} flagged={point.flagged} />
    </g>
  );
}

/**
 * A line chart over time: dates on the x axis (dd.mm.åååå), a shaded and hatched cut-off band (ReferenceArea), phase
 * changes as dashed vertical markers (ReferenceLine), one line per series in its own colour, dash and marker.
 * Never animated: the screen should not make anyone wait, and a print must be complete when it is taken.
 */
export function TimeChart(props: TimeChartProps) {
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const ticks = timeTicks(props.xDomain, props.width && props.width < 500 ? 4 : 6);
  const chart = (
    <LineChart width={props.width} height={props.height} margin={{ top: 22, right: 20, bottom: 4, left: 4 }} accessibilityLayer={false}>
      <defs>
        <pattern id={hatch} patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
          <rect width="7" height="7" fill="#f6dccd" />
          <line x1="0" y1="0" x2="0" y2="7" stroke="#b9551c" strokeWidth="1.3" />
        </pattern>
      </defs>
      <CartesianGrid stroke="#e1e3e6" vertical={false} />
      {(props.bands ?? []).map((b, i) => (
        <ReferenceArea
          key={`band-${i}`}
          className="cutoff-band"
          x1={b.x1 ?? props.xDomain[0]}
          x2={b.x2 ?? props.xDomain[1]}
          y1={b.y1}
          y2={b.y2}
          fill={`url(#${hatch})`}
          fillOpacity={0.55}
          stroke="#b9551c"
          strokeOpacity={0.6}
          ifOverflow="hidden"
        />
      ))}
      <XAxis
        type="number"
        dataKey="t"
        domain={props.xDomain}
        ticks={ticks}
        interval={0}
        allowDataOverflow
        tickFormatter={(t: number) => timeLabel(t)}
        tick={{ fontSize: 12, fill: '#1b1f24' }}
        stroke="#545b66"
      />
      <YAxis
        type="number"
        domain={props.yDomain}
        ticks={valueTicks(props.yDomain)}
        interval={0}
        allowDataOverflow
        tickFormatter={(v: number) => formatNumber(v)}
        tick={{ fontSize: 12, fill: '#1b1f24' }}
        stroke="#545b66"
        width={44}
        label={{ value: props.yLabel, angle: -90, position: 'insideLeft', offset: 10, fontSize: 12, fill: '#545b66' }}
      />
      {(props.markers ?? []).map((m) => (
        <ReferenceLine
          key={`marker-${m.t}`}
          className="phase-marker"
          x={m.t}
          stroke="#1b1f24"
          strokeDasharray="5 4"
          strokeWidth={1.4}
          label={{ value: m.label, position: 'insideTopLeft', fontSize: 11, fill: '#1b1f24', offset: 4 }}
        />
      ))}
      {props.lines.map((line, i) => {
        const style = lineStyle(i);
        return (
          <Line
            key={line.key}
            data={line.points}
            dataKey="value"
            name={line.name}
            type="linear"
            stroke={style.color}
            strokeWidth={2.2}
            strokeDasharray={style.dash}
            isAnimationActive={false}
            activeDot={false}
            connectNulls
            dot={(p) => <PointMark key={`${line.key}-${p.index}`} cx={p.cx ?? 0} cy={p.cy ?? 0} shape={style.shape} color={style.color} point={p.payload as ChartPoint} />}
          />
        );
      })}
    </LineChart>
  );
  return (
    <div className="time-chart" role="img" aria-label={props.summary} data-testid={props.testId}>
      {props.width ? chart : <ResponsiveContainer width="100%" height={props.height}>{chart}</ResponsiveContainer>}
    </div>
  );
}

/** The legend as HTML (readable, printable): each line's sample stroke, dash and marker, with its name. */
export function ChartLegend({ lines, extra }: { lines: ChartLine[]; extra?: ReactNode }) {
  return (
    <ul className="chart-legend">
      {lines.map((line, i) => {
        const style = lineStyle(i);
        return (
          <li key={line.key}>
            <svg width="34" height="12" aria-hidden="true">
              <line x1="1" y1="6" x2="33" y2="6" stroke={style.color} strokeWidth="2.2" strokeDasharray={style.dash} />
              <Mark cx={17} cy={6} shape={style.shape} color={style.color} size={3.5} />
            </svg>
            {line.name}
          </li>
        );
      })}
      {extra}
    </ul>
  );
}

/** The sample of the cut-off band for the legend. */
export function BandLegend({ label }: { label: string }) {
  return (
    <li>
      <svg width="34" height="12" aria-hidden="true">
        <rect x="1" y="1" width="32" height="10" fill="#f6dccd" stroke="#b9551c" />
        <path d="M4,11 L12,1 M12,11 L20,1 M20,11 L28,1" stroke="#b9551c" strokeWidth="1.2" />
      </svg>
      {label}
    </li>
  );
}
