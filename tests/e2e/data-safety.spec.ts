import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Download } from '@playwright/test';
import { DB_FILE, dateTime, expectAccessible, family, firstCategory, garble, newestBackupDir, note, openDagbog } from './data-safety-helpers';
import { api, field, isoDay, LAPTOP, setUpQuickly, shotBoth } from './helpers';
import { startServer } from './server';

/** Data safety, for administrators: Sikkerhedskopier, Sletning af forløb; and hostile text in a note. Gendan: data-safety-restore.spec.ts. */
test.use({ viewport: LAPTOP });

test('Sikkerhedskopier: a backup now with its steps, the list, a check, a damaged backup and another folder', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    await page.reload();
    // No backup yet: the front page tells the leaders and administrators, and leads an administrator to the screen.
    await expect(page.getByText('Sikkerhedskopi: Der er endnu ikke taget en sikkerhedskopi.')).toBeVisible();
    await page.getByRole('link', { name: 'Gå til Sikkerhedskopier' }).click();
    await expect(page.getByRole('heading', { name: 'Sikkerhedskopier', level: 1 })).toBeVisible();
    await expect(page.getByTestId('backup-folder')).toHaveText(path.join(server.dataDir, 'sikkerhedskopier'));
    await expect(page.getByText('(standardmappen i Familiespors datamappe)')).toBeVisible();
    await expect(page.getByText('Der er ingen sikkerhedskopier i mappen endnu.')).toBeVisible();
    await expectAccessible(page);

    // The answer is held back a moment, so the steps the backend reports can be seen.
    await page.route('**/api/invoke', async (route) => {
      const body = route.request().postDataJSON() as { channel: string };
      const response = await route.fetch();
      if (body.channel === 'backups:create') await new Promise((r) => setTimeout(r, 800));
      await route.fulfill({ response });
    });
    await page.getByRole('button', { name: 'Tag sikkerhedskopi nu' }).click();
    const progress = page.getByTestId('backup-progress');
    await expect(progress).toContainText('Kopierer databasen');
    // Both steps reported done (the answer itself is still held back).
    await expect(progress.locator('li.done')).toHaveCount(2);
    await expect(progress).toContainText('Kontrollerer kopien … (færdig)');
    await shotBoth(page, '60-sikkerhedskopi-trin');
    await expect(page.getByText(/^Sikkerhedskopien er taget og kontrolleret \(\d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2}, \d+,\d MB\)\.$/)).toBeVisible();
    await page.unroute('**/api/invoke');
    await page.getByRole('link', { name: 'Forside' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/Godmorgen|Goddag|Godaften/);
    await expect(page.getByText('Sikkerhedskopi:', { exact: false })).toHaveCount(0);
    await page.getByRole('link', { name: 'Sikkerhedskopier' }).click();
    const rows = page.getByTestId('backup-list').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('manuel');
    await expect(rows.first()).toContainText('OK');
    await expect(rows.first().locator('td').nth(2)).toHaveText(/^\d+,\d MB$/);
    await expect(rows.first().locator('td').first()).toHaveText(dateTime);
    await expect(page.getByTestId('backup-last-good')).toHaveText(dateTime);

    await rows.first().getByRole('button', { name: /^Kontrollér sikkerhedskopien fra/ }).click();
    await expect(page.getByText(/er kontrolleret: den kan åbnes og er hel\./)).toBeVisible();
    await expectAccessible(page);
    await shotBoth(page, '61-sikkerhedskopier');

    // A changed backup file: the list says so, and the check names the problem.
    garble(path.join(await newestBackupDir(page), DB_FILE));
    await rows.first().getByRole('button', { name: /^Kontrollér/ }).click();
    await expect(rows.first()).toContainText('Beskadiget');
    await expect(rows.first()).toContainText('Filen er ændret eller mangler.');
    await expect(page.getByRole('alert').filter({ hasText: 'er kontrolleret: beskadiget' })).toBeVisible();
    await shotBoth(page, '62-sikkerhedskopi-beskadiget');

    // Another folder: a relative path and a missing folder are refused in Danish; a real one is used.
    await page.getByRole('button', { name: 'Skift mappe' }).click();
    await field(page, 'Ny mappe').fill('sikkerhedskopier');
    await page.getByRole('button', { name: 'Gem mappe' }).click();
    await expect(page.getByText('Angiv hele stien til mappen, fx E:\\Sikkerhedskopier.')).toBeVisible();
    // A path through a file: no folder can be made there.
    await field(page, 'Ny mappe').fill(path.join(server.dataDir, DB_FILE, 'usb'));
    await page.getByRole('button', { name: 'Gem mappe' }).click();
    await expect(page.getByText('Mappen kan ikke bruges til sikkerhedskopier.')).toBeVisible();
    await expect(field(page, 'Ny mappe')).toBeFocused();
    await shotBoth(page, '63-sikkerhedskopi-mappe-fejl');
    const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'familiespor-usb-'));
    await field(page, 'Ny mappe').fill(usb);
    await page.getByRole('button', { name: 'Gem mappe' }).click();
    await expect(page.getByText('Mappen er gemt.', { exact: false })).toBeVisible();
    await expect(page.getByTestId('backup-folder')).toHaveText(usb);
    await expect(page.getByText('(standardmappen i Familiespors datamappe)')).toHaveCount(0);
    await page.getByRole('button', { name: 'Tag sikkerhedskopi nu' }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('OK');
    // The folder disappears (the USB stick is pulled out): the screen says so and offers no backup.
    fs.rmSync(usb, { recursive: true, force: true });
    await page.reload();
    await expect(page.getByText('Sikkerhedskopier kan ikke gemmes i mappen: Mappen findes ikke (er USB-nøglen eller netværksdrevet sat i?).')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tag sikkerhedskopi nu' })).toBeDisabled();
    await shotBoth(page, '64-sikkerhedskopi-mappe-mangler');
  } finally {
    await server.stop();
  }
});

test('Sletning af forløb: export a closed family past its retention period, then delete it with its name typed back', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    const categoryId = await firstCategory(page);
    const gone = await family(page, 'Familien Glemsel', isoDay(-4 * 365));
    await note(page, gone, categoryId, 'Et notat fra forløbet.');
    await api(page, 'families:close', { familyId: gone, endDate: isoDay(-3 * 365), outcome: 'own_home' });
    const recent = await family(page, 'Familien Nylig', isoDay(-200));
    await api(page, 'families:close', { familyId: recent, endDate: isoDay(-10), outcome: 'own_home' });
    await page.reload();
    // The retention period is set on the Indstillinger screen.
    await page.getByRole('link', { name: 'Indstillinger' }).click();
    const period = page.getByLabel(/^Opbevar et afsluttet forløb i \(år\)/);
    await expect(period).toHaveValue('5');
    await period.fill('0');
    await page.getByRole('button', { name: 'Gem indstillinger' }).click();
    await expect(page.getByTestId('error-summary')).toContainText('Mindst 1 år.');
    await period.fill('1');
    await page.getByRole('button', { name: 'Gem indstillinger' }).click();
    await expect(page.getByText('Indstillingerne er gemt.')).toBeVisible();

    await page.getByRole('link', { name: 'Sletning af forløb' }).click();
    await expect(page.getByRole('heading', { name: 'Sletning efter opbevaringsperioden' })).toBeVisible();
    await expect(page.getByText('Afsluttede forløb opbevares i 1 år efter forløbets afslutning', { exact: false })).toBeVisible();
    const rows = page.getByTestId('retention-due').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    const danish = (iso: string) => iso.split('-').reverse().join('.');
    await expect(rows.first()).toContainText('Familien Glemsel');
    await expect(rows.first()).toContainText(danish(isoDay(-3 * 365)));
    await expectAccessible(page);
    await shotBoth(page, '72-sletning');

    // Two files: the record and its schema; no name in the file names.
    const files: Download[] = [];
    page.on('download', (d) => files.push(d));
    await page.getByRole('button', { name: 'Eksportér journalen for Familien Glemsel' }).click();
    await expect(page.getByText(/^Journalen for Familien Glemsel er eksporteret som familiespor-familie-\d+-[\d-]+\.json og familiespor-familie-\d+-[\d-]+\.schema\.json\.$/)).toBeVisible();
    await expect.poll(() => files.length).toBe(2);
    const names = files.map((d) => d.suggestedFilename());
    expect(names[0]).toMatch(new RegExp(`^familiespor-familie-${gone}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    expect(names[1]).toBe(names[0]?.replace(/\.json$/, '.schema.json'));
    const exported = JSON.parse(fs.readFileSync(await files[0]?.path() ?? '', 'utf8')) as { format: string; observations: Array<{ text: string }> };
    expect(exported.format).toBe('familiespor-familieeksport');
    expect(exported.observations.map((o) => o.text)).toEqual(['Et notat fra forløbet.']);
    const schema = JSON.parse(fs.readFileSync(await files[1]?.path() ?? '', 'utf8')) as { description: string };
    expect(schema.description).toBe('Familiespor: a family’s full record.');

    await page.getByRole('button', { name: 'Slet Familien Glemsel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Slet Familien Glemsel for altid?' });
    await expect(field(dialog, 'Skriv familiens navn for at bekræfte')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await page.getByRole('button', { name: 'Slet Familien Glemsel' }).click();
    await page.keyboard.type('Familien Forkert');
    await dialog.getByRole('button', { name: 'Slet for altid' }).click();
    await expect(dialog.getByText('Skriv familiens navn nøjagtigt, som det står, for at bekræfte.')).toBeVisible();
    await expectAccessible(page);
    await shotBoth(page, '73-sletning-bekraeft');
    await field(dialog, 'Skriv familiens navn for at bekræfte').fill('Familien Glemsel');
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Familien Glemsel er slettet: 1 notat og 1 person.', { exact: false })).toBeVisible();
    await expect(page.getByText('Der er ingen afsluttede forløb, hvis opbevaringsperiode er udløbet.', { exact: false })).toBeVisible();
    await shotBoth(page, '74-sletning-slettet');
    const all = await api<Array<{ displayName: string }>>(page, 'families:list', { includeClosed: true });
    expect(all.map((f) => f.displayName)).toEqual(['Familien Nylig']);
  } finally {
    await server.stop();
  }
});

test('hostile note text is shown as plain text; a too long paste is refused in Danish and stays in the dialog', async ({ page }) => {
  const server = await startServer();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await setUpQuickly(page, server.url);
    await family(page, 'Familien Prøve');
    await page.reload();
    await openDagbog(page, 'Familien Prøve');
    const hostile = [
      '<script>alert(1)</script><img src=x onerror=alert(2)>',
      '\u202Etekst med højre-til-venstre\u202C efter',
      'styretegn:\u0001\u0007\u001b[31m\u0008 slut',
      '<b>fed?</b> &amp; &lt;',
    ].join('\n');
    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog', { name: 'Nyt notat' });
    await dialog.locator('#entry-categoryId').selectOption({ index: 1 });
    await dialog.locator('#entry-text').fill(hostile);
    await page.keyboard.press('Control+Enter');
    await dialog.getByRole('button', { name: 'Underskriv', exact: true }).click();
    await expect(dialog).toHaveCount(0);

    const entry = page.getByTestId('entry').first();
    await expect(entry.locator('.observation-text')).toHaveText(hostile, { useInnerText: false });
    expect(await entry.locator('.observation-text').evaluate((el) => el.textContent)).toBe(hostile);
    await expect(entry.locator('script, img, b')).toHaveCount(0);
    await expect(page.locator('img')).toHaveCount(0);
    await shotBoth(page, '75-fjendtlig-tekst');

    // About 100 kB pasted: more than a note may hold (common/journal.ts: 20,000 characters). Refused, and kept.
    const paste = 'Mor og barn sov godt i nat, og morgenmaden gik roligt. '.repeat(1850);
    await page.keyboard.press('Control+n');
    await dialog.locator('#entry-categoryId').selectOption({ index: 1 });
    await dialog.locator('#entry-text').fill(paste);
    // Refused before the confirmation: the message says how long it is and that the text is still there.
    await page.keyboard.press('Control+Enter');
    await expect(dialog.getByText(`Teksten er for lang til at blive gemt: den har ${paste.length.toLocaleString('da-DK')} tegn`, { exact: false }).first()).toBeVisible();
    await expect(dialog.getByText('Underskriv notatet?')).toHaveCount(0);
    await expect(dialog.locator('#entry-text')).toHaveValue(paste);
    await shotBoth(page, '76-for-lang-tekst');
    await expect(page.getByTestId('entry')).toHaveCount(1);
    expect(dialogs).toEqual([]);
  } finally {
    await server.stop();
  }
});
