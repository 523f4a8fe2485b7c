import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, api, checkA11y, createFamily, field, firstLogin, isoDay, LAPTOP, login, logout, printToPdf, setUpQuickly, shotBoth } from './helpers';
import { startServer } from './server';

test.use({ viewport: LAPTOP });

const danishDate = (iso: string) => iso.split('-').reverse().join('.');

test('access log: filters, CSV export, verification, and a family report on screen, in CSV and on paper', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    const holm = await createFamily(page, 'Familien Holm', 'Sara Holm');
    await createFamily(page, 'Familien Ørum', 'Mette Ørum');
    await api(page, 'journal:search', { query: 'søvn', familyId: holm });
    // Enough rows for the family report to fill more than one A4 page.
    for (let i = 0; i < 60; i++) await api(page, 'journal:search', { query: `ord${i}`, familyId: holm });
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
    await checkA11y(page, '30-adgangslog');

    // Family and dates narrow the list.
    await page.getByLabel('Familie', { exact: true }).selectOption({ label: 'Familien Holm' });
    await expect(log).not.toContainText('Familien Ørum');
    await expect(log).toContainText('søgeord: »søvn«');
    await page.getByLabel('Fra dato').fill(isoDay(1));
    await expect(page.getByText('Ingen hændelser matcher filtrene.')).toBeVisible();
    await page.getByLabel('Fra dato').fill(isoDay(0));
    await page.getByLabel('Til dato').fill(isoDay(0));
    await expect(log).toContainText('Familien Holm');
    expect(new Set(await log.locator('tbody td:nth-child(4)').allTextContents())).toEqual(new Set(['Familien Holm']));
    await shotBoth(page, '31-adgangslog-filtre');
    await checkA11y(page, '31-adgangslog-filtre');

    // The CSV file has the same filters, Danish headers, a BOM for Excel and Danish times.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^adgangslog-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('"Tidspunkt";"Bruger";"Handling";"Familie";"Hvad";"Verificeret"');
    expect(csv).toContain('"Familien Holm"');
    expect(csv).not.toContain('Familien Ørum');
    expect(csv).toMatch(/"\d{2}\.\d{2}\.\d{4} \d{2}\.\d{2}";"Astrid Ærø";"Søgt";"Familien Holm";"søgning · søgeord: »søvn«";"Ja"/);
    await expect(page.getByText(/rækker eksporteret/)).toBeVisible();

    // Verification: OK; a missing anchor is named, and an administrator re-anchors with a reason.
    await page.getByRole('link', { name: 'Kontrol' }).click();
    await page.getByRole('button', { name: 'Kontrollér adgangsloggen' }).click();
    const result = page.getByTestId('chain-result');
    await expect(result).toContainText('Adgangsloggen er i orden');
    await expect(result).toContainText(/\d+ rækker kontrolleret/);
    await expect(page.getByRole('button', { name: 'Nulstil anker' })).toHaveCount(0);
    await shotBoth(page, '32-adgangslog-kontrol');
    await checkA11y(page, '32-adgangslog-kontrol');
    fs.rmSync(path.join(server.dataDir, 'familiespor.anchor.json'));
    await page.getByRole('button', { name: 'Kontrollér adgangsloggen' }).click();
    await expect(result).toContainText('Ankeret mangler.');
    await shotBoth(page, '33-adgangslog-anker-mangler');
    await checkA11y(page, '33-adgangslog-anker-mangler');
    await page.getByRole('button', { name: 'Nulstil anker' }).click();
    const reanchor = page.getByRole('dialog', { name: 'Nulstil adgangsloggens anker?' });
    await expect(field(reanchor, 'Begrundelse')).toBeFocused();
    await page.keyboard.type('Testen fjernede ankeret med vilje');
    await page.keyboard.press('Control+Enter');
    await expect(reanchor).toHaveCount(0);
    await expect(page.getByText('Ankeret er nulstillet')).toBeVisible();
    await expect(result).toContainText('Adgangsloggen er i orden');

    // Indsigt: a family is required; CSV with the family's name; then the printable page.
    await page.getByRole('link', { name: 'Indsigt for en familie' }).click();
    await page.getByRole('button', { name: 'Vis udskriftsvenlig side' }).click();
    await expect(page.getByText('Vælg en familie.', { exact: true })).toBeVisible();
    await expect(page.getByTestId('error-summary')).toBeFocused();
    await field(page, 'Familie').selectOption({ label: 'Familien Holm' });
    await page.getByLabel('Fra dato').fill(isoDay(0));
    await page.getByLabel('Vis medarbejdernes navne').check();
    await shotBoth(page, '34-indsigt');
    await checkA11y(page, '34-indsigt');
    const [reportDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent som CSV' }).click()]);
    expect(reportDownload.suggestedFilename()).toMatch(/^indsigt-familie-\d+-\d{4}-\d{2}-\d{2}\.csv$/);
    const reportCsv = fs.readFileSync(await reportDownload.path(), 'utf8');
    expect(reportCsv.slice(1).split('\r\n')[0]).toBe('"Familie";"Tidspunkt";"Handling";"Hvad";"Medarbejder"');
    expect(reportCsv).toContain('"Familien Holm"');
    expect(reportCsv).toContain('"Astrid Ærø"');

    await page.getByRole('button', { name: 'Vis udskriftsvenlig side' }).click();
    await expect(page).toHaveURL(new RegExp(`#/udskrift/indsigt/${holm}\\?fra=${isoDay(0)}&navne=1$`));
    const sheet = page.getByTestId('print-sheet');
    await expect(sheet.getByRole('heading', { name: 'Adgange til familiens oplysninger' })).toBeVisible();
    await expect(sheet).toContainText(ADMIN.institution);
    await expect(sheet).toContainText('Familien Holm');
    await expect(sheet).toContainText(`fra ${danishDate(isoDay(0))}`);
    await expect(sheet).toContainText(/Udskrevet af Astrid Ærø den \d{2}\.\d{2}\.\d{4} \d{2}\.\d{2}/);
    await expect(page.getByTestId('family-report').locator('tbody tr').first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Udskriv' })).toBeFocused();
    await shotBoth(page, '35-indsigt-udskrift');
    await checkA11y(page, '35-indsigt-udskrift');

    const pdf = await printToPdf(page, '36-indsigt-pdf');
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.text).toContain('Familien Holm');
    expect(pdf.text).toContain(`Side 1 af ${pdf.pages}`);
    expect(pdf.text).toContain(`Side ${pdf.pages} af ${pdf.pages}`);
    // Pages after the first carry a running head, so a loose page still says whose it is.
    expect(pdf.text.split('Familiehuset Lærkebo · Familien Holm · Adgange til familiens oplysninger').length - 1).toBe(pdf.pages - 1);
    expect(pdf.text).not.toContain('Tilbage');
    expect(fs.existsSync(pdf.png)).toBe(true);

    await page.getByRole('link', { name: 'Tilbage' }).click();
    await expect(page.getByRole('heading', { name: 'Indsigt for en familie' })).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('need-to-know: staff see their own families, break the glass with a reason, and the leader sees it', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    const bo = await api<{ id: number }>(page, 'users:create', { name: 'Bo Østergaard', initials: 'BØ', loginName: 'bo', role: 'staff', temporaryPassword: 'midlertidig kode 1' });
    await api(page, 'users:create', { name: 'Lene Leder', initials: 'LL', loginName: 'lene', role: 'leader', temporaryPassword: 'midlertidig kode 2' });
    const holm = await createFamily(page, 'Familien Holm', 'Sara Holm');
    const orum = await createFamily(page, 'Familien Ørum', 'Mette Ørum');
    await api(page, 'team:add', { familyId: holm, userId: bo.id, role: 'family_therapist' });
    await page.reload();

    // The administrator turns need-to-know on (keyboard: Space on the checkbox, Ctrl+Enter saves).
    await page.getByRole('link', { name: 'Indstillinger' }).click();
    const needToKnow = page.getByLabel('Medarbejdere ser kun familier, hvis indsatsteam de er med i');
    await needToKnow.focus();
    await page.keyboard.press('Space');
    await expect(needToKnow).toBeChecked();
    await shotBoth(page, '40-indstillinger-sikkerhed');
    await checkA11y(page, '40-indstillinger-sikkerhed');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText('Indstillingerne er gemt.')).toBeVisible();
    await logout(page);

    await firstLogin(page, 'bo', 'midlertidig kode 1', 'bos egen kode 42');
    await page.getByRole('link', { name: 'Familier' }).click();
    const families = page.getByTestId('families');
    await expect(families).toContainText('Familien Holm');
    await expect(families).not.toContainText('Familien Ørum');
    await shotBoth(page, '41-familier-need-to-know');
    await checkA11y(page, '41-familier-need-to-know');

    // A link to a family outside the team: the backend's explanation and "Bryd glasset".
    await page.evaluate((id) => (window.location.hash = `/familier/${id}`), orum);
    await expect(page.getByText('Du er ikke i familiens indsatsteam')).toBeVisible();
    await shotBoth(page, '42-familie-lukket');
    await checkA11y(page, '42-familie-lukket');
    await page.getByRole('button', { name: 'Bryd glasset' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bryd glasset' });
    await expect(dialog.getByLabel('Familie')).toHaveValue(String(orum));
    await expect(field(dialog, 'Begrundelse')).toBeFocused();
    await page.keyboard.type('akut');
    await page.keyboard.press('Control+Enter');
    await expect(dialog.getByText('Skriv en begrundelse på mindst 10 tegn.', { exact: true })).toBeVisible();
    await shotBoth(page, '43-bryd-glasset', { fullPage: false });
    await checkA11y(page, '43-bryd-glasset');
    await field(dialog, 'Begrundelse').fill('Mor ringede kl. 3 om natten, tovholderen har fri');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { name: 'Familien Ørum' })).toBeVisible();
    await expect(page.getByTestId('open-family')).toHaveText('Familien Ørum');

    // The list offers the same for families not on the team.
    await page.getByRole('link', { name: 'Familier' }).click();
    await page.getByRole('button', { name: 'Åbn en anden familie (bryd glasset)' }).click();
    const listDialog = page.getByRole('dialog', { name: 'Bryd glasset' });
    await expect(listDialog.getByLabel('Familie')).toBeFocused();
    await expect(listDialog.getByRole('option', { name: 'Familien Ørum' })).toHaveCount(1);
    await expect(listDialog.getByRole('option', { name: 'Familien Holm' })).toHaveCount(0);
    await shotBoth(page, '44-bryd-glasset-fra-listen', { fullPage: false });
    await checkA11y(page, '44-bryd-glasset-fra-listen');
    await page.keyboard.press('Escape');
    await expect(listDialog).toHaveCount(0);
    await logout(page);

    // The leader sees the broken glass with its reason.
    await firstLogin(page, 'lene', 'midlertidig kode 2', 'ledelsens kode 77');
    await page.getByRole('link', { name: 'Adgangslog' }).click();
    await page.getByLabel('Handling').selectOption({ label: 'Brudt glas' });
    const row = page.getByTestId('access-log').locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Bo Østergaard');
    await expect(row).toContainText('Familien Ørum');
    await expect(row).toContainText('bryd glasset: Mor ringede kl. 3 om natten, tovholderen har fri');
    await shotBoth(page, '45-adgangslog-brudt-glas');
    await checkA11y(page, '45-adgangslog-brudt-glas');
    await page.getByLabel('Handling').selectOption({ label: 'Afvist adgang' });
    await expect(page.getByTestId('access-log')).toContainText('ikke i indsatsteamet');
  } finally {
    await server.stop();
  }
});

test('Skift databasens nøgle: offered after a deactivation, progress and result, the same password afterwards', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    await api(page, 'users:create', { name: 'Bo Østergaard', initials: 'BØ', loginName: 'bo', role: 'staff', temporaryPassword: 'midlertidig kode 1' });
    await page.reload();

    await page.getByRole('link', { name: 'Brugere' }).click();
    await page.getByRole('button', { name: 'Deaktivér Bo Østergaard' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deaktivér' }).click();
    await expect(page.getByText('Er Bo Østergaard stoppet i uenighed')).toBeVisible();
    await shotBoth(page, '50-brugere-deaktiveret');
    await checkA11y(page, '50-brugere-deaktiveret');
    await page.getByRole('button', { name: 'Skift databasens nøgle' }).click();
    await expect(page.getByRole('dialog', { name: 'Skift databasens nøgle?' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('link', { name: 'Indstillinger' }).click();
    await shotBoth(page, '51-indstillinger');
    await checkA11y(page, '51-indstillinger');
    await page.getByRole('button', { name: 'Skift databasens nøgle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Skift databasens nøgle?' });
    await expect(field(dialog, 'Begrundelse')).toBeFocused();
    await page.keyboard.press('Control+Enter');
    await expect(dialog.getByText('Skriv en begrundelse på mindst 10 tegn.', { exact: true })).toBeVisible();
    await shotBoth(page, '52-skift-noegle', { fullPage: false });
    await checkA11y(page, '52-skift-noegle');

    // The answer is held back until the progress has been seen: every step arrives as an event while the backend works.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/invoke', async (route) => {
      if ((route.request().postDataJSON() as { channel?: string } | null)?.channel !== 'keys:rekey') return route.fallback();
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    await field(dialog, 'Begrundelse').fill('Bo er stoppet i uenighed');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('dialog', { name: 'Skifter databasens nøgle …' })).toBeVisible();
    const progress = page.getByTestId('rekey-progress');
    await expect(progress).toContainText('Krypterer en kopi …');
    await expect(progress).toContainText('Opdaterer nøglefilen …');
    await expect(progress).toContainText('Skifter til den nye database …');
    await expect(progress.locator('li.done')).toHaveCount(3);
    await shotBoth(page, '53-skift-noegle-undervejs', { fullPage: false });
    await checkA11y(page, '53-skift-noegle-undervejs');
    release();
    const done = page.getByRole('dialog', { name: 'Databasens nøgle er skiftet' });
    await expect(done).toContainText(/Det tog (under et sekund|\d+ sekund)/);
    await shotBoth(page, '54-noegle-skiftet', { fullPage: false });
    await checkA11y(page, '54-noegle-skiftet');
    await done.getByRole('button', { name: 'Luk' }).click();
    await page.unroute('**/api/invoke');

    await logout(page);
    await login(page, ADMIN.loginName, ADMIN.password);
    await expect(page.getByTestId('current-user')).toHaveText('Astrid Ærø · Administrator');
    await page.getByRole('link', { name: 'Adgangslog' }).click();
    await expect(page.getByTestId('access-log')).toContainText('databasens nøgle skiftet: Bo er stoppet i uenighed');
    // An administrator can filter by a deactivated user too.
    await expect(page.getByLabel('Bruger').locator('option', { hasText: 'Bo Østergaard (deaktiveret)' })).toHaveCount(1);
  } finally {
    await server.stop();
  }
});

/** Replaces a file at once (written beside it, then renamed), so the app never reads it half written. */
function replaceFile(file: string, content: string): void {
  fs.writeFileSync(`${file}.tmp`, content);
  fs.renameSync(`${file}.tmp`, file);
}

test('login: an edited key file, throttling, and a damaged key file without a login form', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    await api(page, 'session:logout', {});
    await page.reload();
    const keyFile = path.join(server.dataDir, 'familiespor.keys.json');
    const original = fs.readFileSync(keyFile, 'utf8');

    // The administrator's slot now names another user: the right password is refused, with the backend's message.
    const edited = JSON.parse(original) as { slots: Array<{ kind: string; userId?: number }> };
    for (const slot of edited.slots) if (slot.kind === 'user') slot.userId = 99;
    replaceFile(keyFile, JSON.stringify(edited));
    await login(page, ADMIN.loginName, ADMIN.password);
    await expect(page.getByRole('alert')).toContainText('Nøglefilen er ændret uden for Familiespor');
    await shotBoth(page, '60-log-ind-noeglefil-aendret');
    await checkA11y(page, '60-log-ind-noeglefil-aendret');
    replaceFile(keyFile, original);
    await login(page, ADMIN.loginName, ADMIN.password);
    await expect(page.getByTestId('current-user')).toBeVisible();
    await logout(page);

    // Wrong passwords in a row: the wait is shown as the backend words it.
    for (let i = 0; i < 3; i++) {
      await login(page, ADMIN.loginName, 'forkert kode igen');
      // The password field is emptied when the answer has come.
      await expect(field(page, 'Adgangskode')).toHaveValue('');
    }
    await expect(page.getByRole('alert')).toContainText(/Vent \d+ sekund/);
    await shotBoth(page, '61-log-ind-vent');
    await checkA11y(page, '61-log-ind-vent');

    // A damaged key file: an explanation, no login form.
    replaceFile(keyFile, '{ ikke en nøglefil');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Databasen kan ikke åbnes' })).toBeVisible();
    await expect(page.getByText('familiespor.keys.json')).toBeVisible();
    await expect(field(page, 'Brugernavn')).toHaveCount(0);
    await shotBoth(page, '62-noeglefil-beskadiget');
    await checkA11y(page, '62-noeglefil-beskadiget');
  } finally {
    await server.stop();
  }
});
