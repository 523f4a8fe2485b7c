import { ChartFigure } from '../../../ui/charts/ChartFigure';
import type { Figure } from './chartLines';

/** One Figure as a ChartFigure: responsive on screen, or at a fixed size with its table for print. */
export function FigureView({ figure: f, print, printTable, width, height = 240, headingLevel }: { figure: Figure; print?: boolean; printTable?: boolean; width?: number; height?: number; headingLevel?: 'h3' | 'h4' }) {
  return (
    <ChartFigure
      title={f.title}
      description={f.description.join(' · ')}
      lines={f.lines}
      bands={f.bands}
      markers={f.markers}
      xDomain={f.xDomain}
      yDomain={f.yDomain}
      yLabel={f.yLabel}
      seriesLabel={f.seriesLabel}
      width={width}
      height={height}
      print={print}
      printTable={printTable}
      headingLevel={headingLevel}
      testId={`chart-${f.key}`}
    />
  );
}
