import { useEffect, useState, type ReactNode } from 'react';
import { errorText } from '../../app/api';
import { Notice } from '../Field';
import { formatDate, formatDateTime } from '../format';
import './print.css';

export interface PrintPeriod {
  from: string | null;
  to: string | null;
}

/** "01.01.2026–31.03.2026", "fra 01.01.2026", "til 31.03.2026" or "Hele perioden". */
export function periodText({ from, to }: PrintPeriod): string {
  if (from && to) return `${formatDate(from)}–${formatDate(to)}`;
  if (from) return `fra ${formatDate(from)}`;
  if (to) return `til ${formatDate(to)}`;
  return 'Hele perioden';
}

/**
 * A page made for paper (A4 portrait, 15 mm margins, "Side N af M" at the bottom of every page, see print.css): the
 * header names the institution, the family, the period and who printed it when. On screen it looks like a sheet, with
 * "Udskriv" and "Tilbage" above it (left out of the print). Nothing prints by itself; `onPrint` runs before every
 * print (to put the printout in the access log).
 */
export function PrintLayout(props: {
  title: string;
  institutionName: string;
  familyName: string;
  period: PrintPeriod;
  printedBy: string;
  backHref: string;
  /** Runs before every print (the access log); a rejection is shown above the sheet, left out of the print. */
  onPrint?: () => void | Promise<void>;
  children: ReactNode;
  /** What the sheet is about when it is not one family ("Familier"); default "Familie". */
  subjectLabel?: string;
  /** The period in words when dates alone do not say it (a shift handover's times). */
  periodLabel?: string;
}) {
  const [printedAt] = useState(() => new Date().toISOString());
  const [recordError, setRecordError] = useState<string | null>(null);
  const { onPrint } = props;
  useEffect(() => {
    if (!onPrint) return;
    const fail = (error: unknown) => setRecordError(errorText(error));
    const run = () => {
      setRecordError(null);
      try {
        void Promise.resolve(onPrint()).catch(fail);
      } catch (error) {
        fail(error);
      }
    };
    window.addEventListener('beforeprint', run);
    return () => window.removeEventListener('beforeprint', run);
  }, [onPrint]);
  useRunningHead(`${props.institutionName} · ${props.familyName} · ${props.title}`);
  return (
    <main className="print-screen">
      <div className="print-toolbar no-print">
        <button type="button" onClick={() => window.print()} autoFocus>
          Udskriv
        </button>
        <a className="button secondary" href={`#${props.backHref}`}>
          Tilbage
        </a>
        <span className="muted small">A4 stående med sidetal. Vælg »Gem som PDF« i udskriftsvinduet for at gemme en fil.</span>
      </div>
      {recordError && (
        <div className="no-print">
          <Notice kind="error">Udskriften kunne ikke skrives i adgangsloggen: {recordError}</Notice>
        </div>
      )}
      <article className="print-sheet" data-testid="print-sheet">
        <header className="print-header">
          <div className="print-institution">{props.institutionName}</div>
          <h1>{props.title}</h1>
          <dl className="print-facts">
            <dt>{props.subjectLabel ?? 'Familie'}</dt>
            <dd>{props.familyName}</dd>
            <dt>Periode</dt>
            <dd>{props.periodLabel ?? periodText(props.period)}</dd>
          </dl>
          <p className="print-printed">
            Udskrevet af {props.printedBy} den {formatDateTime(printedAt)}
          </p>
        </header>
        {props.children}
      </article>
    </main>
  );
}

/** A CSS string: "…" with quotes and backslashes escaped, line breaks as spaces. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The line at the top of every printed page (print.css draws it in the @page margin box from this custom property on
 * <html>, as margin boxes inherit from the root element), so a page that comes loose still says whose it is.
 */
function useRunningHead(text: string): void {
  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--print-running-head', cssString(text));
    return () => {
      root.style.removeProperty('--print-running-head');
    };
  }, [text]);
}
