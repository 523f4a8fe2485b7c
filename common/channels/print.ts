import { z } from 'zod';
import { MAX_ID } from '../ids';
import { channel, nothing } from './define';

export const printDocuments = ['handover', 'family_access_report', 'handover_package', 'discharge_plan', 'safety_plan', 'network_map', 'progression_report', 'status_report', 'goals_sheet'] as const;
export type PrintDocument = (typeof printDocuments)[number];

const printed = z.strictObject({ document: z.enum(printDocuments), familyIds: z.array(z.number().int().positive().max(MAX_ID)).max(500) });

/** A PDF's suggested file name: letters (æøå too), digits, space, dot, dash, underscore; no folders, no name of a person. */
export const pdfFileNameSchema = z
  .string()
  .max(120, 'Filnavnet må højst have 120 tegn.')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*\.pdf$/u, 'Filnavnet må kun have bogstaver, tal, mellemrum, punktum og bindestreg og skal slutte på .pdf.');

/** Printouts: every print is in the access log, naming the families on the sheet. */
export const printChannels = {
  /** A printout made with the browser's or the system's print dialog (window.print). */
  'print:record': channel('session', printed, nothing),
  /**
   * The page on screen saved as an A4 PDF through a save dialog (Electron's printToPDF); refused where there is no
   * Electron shell (browser mode: the print dialog's »Gem som PDF« does the same).
   */
  'print:savePdf': channel('session', printed.extend({ fileName: pdfFileNameSchema }), z.object({ saved: z.boolean() })),
} as const;
