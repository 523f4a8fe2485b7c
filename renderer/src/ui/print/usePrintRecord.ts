import { useCallback } from 'react';
import type { printDocuments } from '../../../../common/channels/handover';
import { call } from '../../app/api';

export type PrintDocument = (typeof printDocuments)[number];

/** Writes one print of a document to the access log (print:record), naming every family on the sheet. */
export function recordPrint(document: PrintDocument, familyIds: readonly number[]): Promise<void> {
  return call('print:record', { document, familyIds: [...familyIds] }).then(() => undefined);
}

/**
 * Every print view writes each printing to the access log: pass the returned callback to PrintLayout's `onPrint`,
 * which runs it on the browser's `beforeprint` (the view's «Udskriv» button, Ctrl+P). Until the families on the sheet
 * are known (`undefined` or `null`) there is nothing to record, and the callback is `undefined`. A print path that
 * prints the page without the browser's print (Electron's print-to-PDF) calls `recordPrint` itself. A failed record
 * rejects the returned promise, and PrintLayout says so on the screen (never on the paper).
 */
export function usePrintRecord(document: PrintDocument, familyIds: readonly number[] | null | undefined): (() => Promise<void>) | undefined {
  const key = familyIds?.join(',');
  const record = useCallback(async () => {
    if (familyIds) await recordPrint(document, familyIds);
  }, [document, key]); // the ids by value: a new array each render keeps the same callback
  return familyIds ? record : undefined;
}
