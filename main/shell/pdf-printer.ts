import { app, dialog, type BrowserWindow } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../common/errors';
import type { PdfPrinter } from '../domains/print/printer';

/**
 * «Gem som PDF» in the Electron shell: the print view on screen rendered to PDF by Chromium (A4 and the margins from
 * print.css's @page, backgrounds for the charts' hatching), then a save dialog in the user's Documents folder. The
 * file is written to a temporary name beside the target and renamed, so a full disk leaves no half PDF.
 */
export class WindowPdfPrinter implements PdfPrinter {
  constructor(private readonly window: () => BrowserWindow | null) {}

  async savePdf(fileName: string): Promise<'saved' | 'canceled'> {
    const window = this.window();
    if (!window || window.isDestroyed()) return 'canceled';
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
    const choice = await dialog.showSaveDialog(window, {
      title: 'Gem som PDF',
      buttonLabel: 'Gem',
      defaultPath: path.join(app.getPath('documents'), path.basename(fileName)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (choice.canceled || !choice.filePath) return 'canceled';
    const target = choice.filePath.toLowerCase().endsWith('.pdf') ? choice.filePath : `${choice.filePath}.pdf`;
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      await fs.promises.writeFile(temporary, pdf);
      await fs.promises.rename(temporary, target);
    } catch (err) {
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
      const code = (err as NodeJS.ErrnoException).code;
      throw new AppFailure('not_available', code === 'ENOSPC' ? 'Der er ikke plads til PDF-filen. Vælg en anden mappe.' : 'PDF-filen kunne ikke gemmes i den valgte mappe. Vælg en anden mappe.');
    }
    return 'saved';
  }
}
