/**
 * Saving the page on screen as an A4 PDF. The Electron shell provides it (printToPDF and a save dialog); browser mode
 * and the tests have none, and the channel says so in Danish.
 */
export interface PdfPrinter {
  /** Renders the page on screen to PDF, asks where to save it (suggesting `fileName`) and writes it. */
  savePdf(fileName: string): Promise<'saved' | 'canceled'>;
}
