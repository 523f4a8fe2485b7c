import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { api, checkA11y, field, isoDay, LAPTOP, printToPdf, setUpQuickly, shotBoth } from './helpers';
import { startServer } from './server';

test.use({ actionTimeout: 15_000 });

type Instrument = { id: number; key: string | null; definition: { name: string } };
type Family = { id: number; persons: { id: number; kind: string; name: string }[] };

const danish = (iso: string) => iso.split('-').reverse().join('.');

/** Six months of ADBB and PSS, a goal with two reviews and a signed note, all through the real backend. */
async function arrange(page: Page): Promise<{ family: Family; note: string }> {
  const family = await api<Family>(page, 'families:create', {
    displayName: 'Familien Holm',
    startDate: isoDay(-180),
    persons: [
      { kind: 'mother', name: 'Sara Holm' },
      { kind: 'child', name: 'Liva Holm', birthDate: isoDay(-250) },
    ],
  });
  const person = (kind: string) => family.persons.find((p) => p.kind === kind)?.id ?? 0;
  const instruments = await api<Instrument[]>(page, 'instruments:list', { includeInactive: false });
  const id = (key: string) => instruments.find((i) => i.key === key)?.id ?? 0;
  // ADBB totals 7 (over the cut-off ≥ 5), 3 and 1.
  for (const [days, first, second] of [[-150, 4, 3], [-100, 3, 0], [-50, 1, 0]] as const) {
    await api(page, 'measurements:create', { familyId: family.id, personId: person('child'), instrumentId: id('adbb'), measuredOn: isoDay(days), items: Array.from({ length: 8 }, (_, i) => ({ value: i === 0 ? first : i === 1 ? second : 0 })) });
    await api(page, 'measurements:create', { familyId: family.id, personId: person('mother'), instrumentId: id('pss'), measuredOn: isoDay(days + 5), items: Array.from({ length: 18 }, () => ({ value: 3 })) });
  }
  const goal = await api<{ id: number }>(page, 'goals:create', { familyId: family.id, text: 'Jeg vil have en fast rytme med Liva om aftenen', area: 'care_structure', startDate: isoDay(-160) });
  for (const [days, staffScore, parentScore] of [[-120, 3, 5], [-60, 6, 7]] as const) {
    await api(page, 'goals:review', { goalId: goal.id, reviewedOn: isoDay(days), staffScore, parentScore, participantPersonIds: [person('mother')] });
  }
  const note = 'Sara og Liva spiste aftensmad sammen og Sara fortalte om dagen.';
  const [category] = await api<{ id: number }[]>(page, 'journal:categories', {});
  await api(page, 'journal:sign', { familyId: family.id, observedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(), shift: 'day', categoryId: category?.id ?? null, personIds: [person('mother')], text: note, concern: 'none' });
  return { family, note };
}

test('prints: the A4 progression report for a period, and a status report written, signed by the tovholder and printed; the parents\' goals sheet', async ({ page }) => {
  const server = await startServer();
  try {
    await page.setViewportSize(LAPTOP);
    await setUpQuickly(page, server.url);
    await page.reload();
    const { family, note } = await arrange(page);

    // Progression report for the last 120 days: the first ADBB measurement falls outside the period.
    await page.goto(`${server.url}#/familier/${family.id}/udskrifter`);
    await field(page, 'Fra').fill(isoDay(-120));
    await field(page, 'Til').fill(isoDay(0));
    await page.getByRole('button', { name: 'Vis progressionsrapport' }).click();
    await expect(page).toHaveURL(new RegExp(`#/udskrift/progression/${family.id}\\?fra=${isoDay(-120)}&til=${isoDay(0)}$`));
    const sheet = page.getByTestId('print-sheet');
    await expect(sheet.getByRole('heading', { name: 'Progressionsrapport' })).toBeVisible();
    await expect(sheet).toContainText(`${danish(isoDay(-120))}–${danish(isoDay(0))}`);
    const adbb = sheet.locator('figure.chart-figure', { hasText: 'ADBB' }).first();
    await expect(adbb.locator('.chart-point')).toHaveCount(2);
    await expect(adbb.locator('.cutoff-band')).toHaveCount(1);
    await expect(adbb.locator('table.chart-table tbody tr')).toHaveCount(2);
    await expect(sheet.getByTestId('print-goal')).toContainText('Jeg vil have en fast rytme med Liva om aftenen');
    await expect(sheet.getByTestId('print-goal').locator('tbody tr')).toHaveCount(2);
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toHaveCount(0);
    const report = await printToPdf(page, '136-progressionsrapport');
    expect(report.pages).toBeGreaterThanOrEqual(2);
    for (const text of ['Familien Holm', 'Progressionsrapport', 'ADBB', 'PSS', `${danish(isoDay(-120))}–${danish(isoDay(0))}`, 'Underskrift', `Side 1 af ${report.pages}`]) expect(report.text).toContain(text);
    expect(fs.existsSync(report.png)).toBe(true);
    // Printing puts the printout in the access log.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(async () => JSON.stringify(await api(page, 'accessLog:familyReport', { familyId: family.id }))).toContain('udskrift: progressionsrapport');
    // A print the access log could not take is said on the screen, above the sheet and left out of the paper.
    await expect(page.getByText(/Udskriften kunne ikke skrives i adgangsloggen/)).toHaveCount(0);
    await page.route('**/api/invoke', async (route) => {
      const body = route.request().postDataJSON() as { channel: string };
      if (body.channel === 'print:record') await route.fulfill({ json: { ok: false, error: { code: 'db_unavailable', message: 'Databasen svarer ikke.' } } });
      else await route.continue();
    });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const failed = page.getByRole('alert').filter({ hasText: 'Udskriften kunne ikke skrives i adgangsloggen: Databasen svarer ikke.' });
    await expect(failed).toBeVisible();
    await expect(sheet.getByText(/Udskriften kunne ikke skrives/)).toHaveCount(0);
    await page.emulateMedia({ media: 'print' });
    await expect(failed).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await page.unroute('**/api/invoke');
    // The next print that is written clears the notice.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(failed).toHaveCount(0);

    // Status report: a draft for the period, a written section and a chosen note, signed by the tovholder.
    await page.getByRole('link', { name: 'Tilbage' }).click();
    await expect(page.getByRole('heading', { name: 'Statusrapporter til kommunen' })).toBeVisible();
    await expect(page.getByText('Der er ingen statusrapporter endnu.')).toBeVisible();
    await field(page, 'Periode fra').fill(isoDay(-90));
    await page.getByRole('button', { name: 'Opret udkast' }).click();
    await expect(page.getByTestId('status-report-state')).toContainText('Kladde');
    await expect(page.getByTestId('report-goal')).toContainText('Jeg vil have en fast rytme med Liva om aftenen');
    await expect(page.getByTestId('report-measurements').locator('tbody tr')).toHaveCount(2);
    await field(page, 'Sammenfatning').fill('Sara har fået en fast aftenrytme med Liva. Samspillet er varmere.');
    await page.getByRole('checkbox', { name: /spiste aftensmad sammen/ }).check();
    await page.getByRole('button', { name: 'Gem kladde' }).click();
    await expect(page.getByText('Kladden er gemt.')).toBeVisible();
    await shotBoth(page, '134-statusrapport-kladde');
    await checkA11y(page, 'Statusrapport, kladde');
    await expect(page.getByTestId('report-notes')).toContainText(note);
    await page.getByRole('button', { name: 'Underskriv' }).click();
    const confirm = page.getByRole('dialog', { name: 'Underskriv statusrapporten?' });
    await confirm.getByRole('button', { name: 'Underskriv' }).click();
    await expect(page.getByTestId('status-report-state')).toContainText('Underskrevet af Astrid Ærø');
    await expect(page.getByRole('button', { name: 'Gem kladde' })).toHaveCount(0);
    await expect(page.getByText('Sara har fået en fast aftenrytme med Liva.')).toBeVisible();
    await shotBoth(page, '135-statusrapport');
    await checkA11y(page, 'Statusrapport');
    // The signed report can no longer change.
    const [summary] = await api<{ id: number }[]>(page, 'statusReports:list', { familyId: family.id });
    await expect(api(page, 'statusReports:update', { reportId: summary?.id ?? 0, sections: { summary: 'ændret' } })).rejects.toThrow();

    await page.getByRole('link', { name: 'Udskriv statusrapporten' }).click();
    await expect(sheet.getByRole('heading', { name: 'Statusrapport til kommunen' })).toBeVisible();
    await expect(page.getByTestId('print-signed')).toContainText('Underskrevet elektronisk af Astrid Ærø');
    const status = await printToPdf(page, '137-statusrapport-udskrift');
    for (const text of ['Familien Holm', 'Statusrapport til kommunen', `${danish(isoDay(-90))}–${danish(isoDay(0))}`, 'Sammenfatning', 'ADBB', 'PSS', 'spiste aftensmad sammen', 'Underskrevet elektronisk af Astrid Ærø']) expect(status.text).toContain(text);
    expect(status.text).not.toContain('KLADDE');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(async () => JSON.stringify(await api(page, 'accessLog:familyReport', { familyId: family.id }))).toContain('udskrift: statusrapport');

    // «Jeres mål»: the parents' sheet in plain Danish, with the latest review.
    await page.goto(`${server.url}#/familier/${family.id}/udskrifter`);
    await page.getByRole('link', { name: 'Vis målene til forældrene' }).click();
    await expect(sheet.getByTestId('sheet-goal')).toContainText('Jeg vil have en fast rytme med Liva om aftenen');
    await expect(sheet.getByTestId('sheet-goal')).toContainText(`Sidste opfølgning var ${danish(isoDay(-60))}. I gav 7, og vi gav 6.`);
    const goalsSheet = await printToPdf(page, '138-jeres-maal');
    for (const text of ['Jeres mål', 'Familien Holm', 'fast rytme med Liva']) expect(goalsSheet.text).toContain(text);
  } finally {
    await server.stop();
  }
});
