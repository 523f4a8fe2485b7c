import { useEffect, useRef, useState, type ReactNode } from 'react';
import { errorText } from '../../app/api';
import { Notice } from '../Field';
import { formatDate, formatDateTime } from '../format';
import { recordPrint, savePdf, type PrintTarget } from './usePrintRecord';
import './print.css';

/** The Electron shell can save the page as a PDF itself (printToPDF); a browser offers it in its print dialog. */
const inElectronShell = typeof navigator !== 'undefined' && navigator.userAgent.includes('Electron/');

/** "Udviklingsrapport 03.12.2026.pdf": the sheet's title and the day, no name of a person (it may sit in Overførsler). */
export function pdfFileName(title: string, now = new Date()): string {
  const safe = title.replace(/[^\p{L}\p{N} ._-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 90) || 'Udskrift';
  return `${safe} ${formatDate(now.toISOString())}.pdf`;
}

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
 * "Udskriv" (and in the Electron shell "Gem som PDF") and "Tilbage" above it (left out of the print). Nothing prints by
 * itself; each print of the `printed` target is written to the access log before it happens.
 */
export function PrintLayout(props: {
  title: string;
  institutionName: string;
  familyName: string;
  period: PrintPeriod;
  printedBy: string;
  backHref: string;
  /** What is printed, for the access log (every print); a failed record is shown above the sheet, not on paper. */
  printed?: PrintTarget;
  children: ReactNode;
  /** What the sheet is about when it is not one family ("Familier"); default "Familie". */
  subjectLabel?: string;
  /** The period in words when dates alone do not say it (a shift handover's times). */
  periodLabel?: string;
}) {
  const [printedAt] = useState(() => new Date().toISOString());
  const [problem, setProblem] = useState<string | null>(null);
  const [pdfState, setPdfState] = useState<'idle' | 'saving' | 'saved'>('idle');
  // While the shell renders the PDF its own channel logs the print; `beforeprint` must not log it twice.
  const savingPdf = useRef(false);
  const { printed } = props;
  useEffect(() => {
    if (!printed) return;
    const run = () => {
      if (savingPdf.current) return;
      setProblem(null);
      recordPrint(printed).catch((error: unknown) => setProblem(`Udskriften kunne ikke skrives i adgangsloggen: ${errorText(error)}`));
    };
    window.addEventListener('beforeprint', run);
    return () => window.removeEventListener('beforeprint', run);
  }, [printed]);
  const saveAsPdf = (target: PrintTarget) => {
    savingPdf.current = true;
    setProblem(null);
    setPdfState('saving');
    savePdf(target, pdfFileName(props.title))
      .then(({ saved }) => setPdfState(saved ? 'saved' : 'idle'))
      .catch((error: unknown) => {
        setPdfState('idle');
        setProblem(`PDF-filen blev ikke gemt: ${errorText(error)}`);
      })
      .finally(() => {
        savingPdf.current = false;
      });
  };
  useRunningHead(`${props.institutionName} · ${props.familyName} · ${props.title}`);
  return (
    <main className="print-screen">
      <div className="print-toolbar no-print">
        <button type="button" onClick={() => window.print()} autoFocus>
          Udskriv
        </button>
        {inElectronShell && printed && (
          <button type="button" className="secondary" onClick={() => saveAsPdf(printed)} disabled={pdfState === 'saving'}>
            {pdfState === 'saving' ? 'Gemmer PDF …' : 'Gem som PDF'}
          </button>
        )}
        <a className="button secondary" href={`#${props.backHref}`}>
          Tilbage
        </a>
        <span className="muted small">
          {inElectronShell ? 'A4 stående med sidetal.' : 'A4 stående med sidetal. Vælg »Gem som PDF« i udskriftsvinduet for at gemme en fil.'}
        </span>
      </div>
      {pdfState === 'saved' && (
        <div className="no-print">
          <Notice kind="ok">PDF-filen er gemt.</Notice>
        </div>
      )}
      {problem && (
        <div className="no-print">
          <Notice kind="error">{problem}</Notice>
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
