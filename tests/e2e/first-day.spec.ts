import { expect, test } from '@playwright/test';
import { api, LAPTOP, printToPdf } from './helpers';
import { walkFirstDay } from './first-day';
import { startServer } from './server';

test.use({ viewport: LAPTOP });

// The walk the Electron spec runs in the real shell, here in Chromium against browser mode, so it is known to work.
test('first day through the screens: setup, login, a family, a note by keyboard, the progression report printed', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    const familyId = await walkFirstDay(page);
    // The browser's print dialog saves PDFs here; «Gem som PDF» belongs to the Electron shell, and its channel says so.
    await expect(page.getByRole('button', { name: 'Gem som PDF' })).toHaveCount(0);
    await expect(page.getByText('Vælg »Gem som PDF« i udskriftsvinduet')).toBeVisible();
    const refused = await page.evaluate(async (familyId) => {
      const token = sessionStorage.getItem('familiespor-token');
      const res = await fetch('./api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel: 'print:savePdf', input: { document: 'progression_report', familyIds: [familyId], fileName: 'Progressionsrapport 03.12.2026.pdf' } }),
      });
      return (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
    }, familyId);
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('not_available');
    expect(refused.error?.message).toContain('Udskriv');
    const pdf = await printToPdf(page, '140-foerste-dag-progressionsrapport');
    for (const text of ['Familien Holm', 'Progressionsrapport', 'Side 1 af']) expect(pdf.text).toContain(text);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(async () => JSON.stringify(await api(page, 'accessLog:familyReport', { familyId }))).toContain('udskrift: progressionsrapport');
  } finally {
    await server.stop();
  }
});
