import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, api, createFamily, field, isoDay, LAPTOP, login, setUpQuickly, shotBoth } from './helpers';
import { startServer } from './server';

test.use({ viewport: LAPTOP });

test('access log: filters, CSV export and verification', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    const holm = await createFamily(page, 'Familien Holm', 'Sara Holm');
    await createFamily(page, 'Familien Ørum', 'Mette Ørum');
    await api(page, 'journal:search', { query: 'søvn', familyId: holm });
    // Logging out writes the access log's anchor (otherwise it is written in the first quiet moment).
    await api(page, 'session:logout', {});
    await page.reload();
    // A wrong password while the database is closed is sealed, and read back at the next login as "ikke verificeret".
    await login(page, ADMIN.loginName, 'forkert kode her');
    await expect(page.getByRole('alert')).toContainText('Forkert brugernavn eller adgangskode.');
    await login(page, ADMIN.loginName, ADMIN.password);
    await page.getByRole('link', { name: 'Adgangslog' }).click();
    const log = page.getByTestId('access-log');
    await expect(log).toContainText('Familien Ørum');
    await expect(log.locator('tr', { hasText: 'Mislykket login' })).toContainText('ikke verificeret');
    await expect(log.locator('tr', { hasText: 'Mislykket login' })).toContainText('brugernavn: astrid');
    await shotBoth(page, '30-adgangslog');

    // Family and dates narrow the list.
    await page.getByLabel('Familie', { exact: true }).selectOption({ label: 'Familien Holm' });
    await expect(log).not.toContainText('Familien Ørum');
    await expect(log).toContainText('søgeord: "søvn"');
    await page.getByLabel('Fra dato').fill(isoDay(1));
    await expect(page.getByText('Ingen hændelser matcher filtrene.')).toBeVisible();
    await page.getByLabel('Fra dato').fill(isoDay(0));
    await page.getByLabel('Til dato').fill(isoDay(0));
    await expect(log).toContainText('Familien Holm');
    expect(new Set(await log.locator('tbody td:nth-child(4)').allTextContents())).toEqual(new Set(['Familien Holm']));
    await shotBoth(page, '31-adgangslog-filtre');

    // The CSV file has the same filters, Danish headers, a BOM for Excel and Danish times.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^adgangslog-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('"Tidspunkt";"Bruger";"Handling";"Familie";"Hvad";"Verificeret"');
    expect(csv).toContain('"Familien Holm"');
    expect(csv).not.toContain('Familien Ørum');
    expect(csv).toMatch(/"\d{2}\.\d{2}\.\d{4} \d{2}\.\d{2}";"Astrid Ærø";"Søgt";"Familien Holm";"søgning · søgeord: ""søvn""";"Ja"/);
    await expect(page.getByText(/rækker eksporteret/)).toBeVisible();

    // Verification: OK; a missing anchor is named, and an administrator re-anchors with a reason.
    await page.getByRole('link', { name: 'Kontrol' }).click();
    await page.getByRole('button', { name: 'Kontrollér adgangsloggen' }).click();
    const result = page.getByTestId('chain-result');
    await expect(result).toContainText('Adgangsloggen er i orden');
    await expect(result).toContainText(/\d+ rækker kontrolleret/);
    await expect(page.getByRole('button', { name: 'Nulstil anker' })).toHaveCount(0);
    await shotBoth(page, '32-adgangslog-kontrol');
    fs.rmSync(path.join(server.dataDir, 'familiespor.anchor.json'));
    await page.getByRole('button', { name: 'Kontrollér adgangsloggen' }).click();
    await expect(result).toContainText('Ankeret mangler.');
    await shotBoth(page, '33-adgangslog-anker-mangler');
    await page.getByRole('button', { name: 'Nulstil anker' }).click();
    const reanchor = page.getByRole('dialog', { name: 'Nulstil adgangsloggens anker?' });
    await expect(field(reanchor, 'Begrundelse')).toBeFocused();
    await page.keyboard.type('Testen fjernede ankeret med vilje');
    await page.keyboard.press('Control+Enter');
    await expect(reanchor).toHaveCount(0);
    await expect(page.getByText('Ankeret er nulstillet')).toBeVisible();
    await expect(result).toContainText('Adgangsloggen er i orden');

  } finally {
    await server.stop();
  }
});
