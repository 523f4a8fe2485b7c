import { useEffect } from 'react';
import type { printDocuments } from '../../../../../common/channels/handover';
import { call } from '../../../app/api';

export type PrintDocument = (typeof printDocuments)[number];

/** Writes one print of a family's document to the access log (print:record). */
export function recordPrint(document: PrintDocument, familyId: number): Promise<void> {
  return call('print:record', { document, familyIds: [familyId] }).then(() => undefined);
}

/**
 * A print view writes each printing to the access log: the browser's print (the view's «Udskriv» button, Ctrl+P)
 * fires `beforeprint`. A print path that prints the page without the browser's print (Electron's print-to-PDF) calls
 * `recordPrint` itself.
 */
export function usePrintRecord(document: PrintDocument, familyId: number, ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const onBeforePrint = () => void recordPrint(document, familyId).catch(() => undefined);
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, [document, familyId, ready]);
}
