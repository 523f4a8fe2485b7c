import { useMemo } from 'react';
import type { PrintDocument } from '../../../../common/channels/print';
import { call } from '../../app/api';

export type { PrintDocument } from '../../../../common/channels/print';

/** What a printout is and which families are on it: what the access log records for each print. */
export interface PrintTarget {
  document: PrintDocument;
  familyIds: readonly number[];
}

/** Writes one print of a document to the access log (print:record), naming every family on the sheet. */
export function recordPrint(target: PrintTarget): Promise<void> {
  return call('print:record', { document: target.document, familyIds: [...target.familyIds] }).then(() => undefined);
}

/** Saves the page on screen as a PDF through the Electron shell's save dialog (print:savePdf logs it). */
export function savePdf(target: PrintTarget, fileName: string): Promise<{ saved: boolean }> {
  return call('print:savePdf', { document: target.document, familyIds: [...target.familyIds], fileName });
}

/**
 * Every print view writes each printing to the access log: pass the returned target to PrintLayout's `printed`, which
 * records it on the browser's `beforeprint` (the view's «Udskriv» button, Ctrl+P) and sends it with «Gem som PDF».
 * Until the families on the sheet are known (`undefined` or `null`) there is nothing to record: `undefined`.
 */
export function usePrintRecord(document: PrintDocument, familyIds: readonly number[] | null | undefined): PrintTarget | undefined {
  const key = familyIds?.join(',');
  // The ids by value: a new array each render keeps the same target.
  return useMemo(() => (familyIds ? { document, familyIds: [...familyIds] } : undefined), [document, key]);
}
