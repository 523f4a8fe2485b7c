import { expect, test } from '@playwright/test';
import { prepareInstitution, startPostgres, type TestPostgres } from '../pg';
import { ADMIN, api, checkA11y, createFamily, field, firstLogin, openHash, setUpQuickly, shotBoth } from './helpers';
import { startServer, type TestServer } from './server';

test.setTimeout(180_000);

const OWNER_PASSWORD = 'ejerens lange adgangskode 1';

/**
 * Administration → Flyt til server, on screen: the dry run, the move, the one-time passwords; then a workstation on
 * the server logs in with one, must choose its own, finds the moved family, and the administrator's backup screen
 * shows the server panel.
 */
test('Flyt til server: dry run, move, one-time password, and the server panel', async ({ page }) => {
  const postgres: TestPostgres = await startPostgres();
  const workstations: TestServer[] = [];
  try {
    const { config } = await prepareInstitution(postgres, 'flyttet', { firstAdmin: { name: 'IT', initials: 'IT', loginName: 'it', password: 'midlertidig kode 12', mustChangePassword: true }, institutionName: 'Tom database', ownerPassword: OWNER_PASSWORD });

    // A single-PC institution with a family and a note.
    const local = await startServer();
    workstations.push(local);
    await setUpQuickly(page, local.url);
    const familyId = await createFamily(page, 'Familien Flyt', 'Mor Flyt');
    const categoryId = (await api<{ id: number }[]>(page, 'journal:categories', {}))[0]?.id;
    await api(page, 'journal:sign', { familyId, observedAt: new Date(Date.now() - 60_000).toISOString(), shift: 'day', categoryId, personIds: [], text: 'Skrevet før flytningen.', concern: 'none' });
    await page.reload();
    await page.getByRole('link', { name: 'Flyt til server' }).click();
    await expect(page.getByRole('heading', { name: 'Flyt til institutionens server', level: 1 })).toBeVisible();

    await field(page, 'Serverens navn').fill(config.host);
    await field(page, 'Port').fill(String(config.port));
    await field(page, 'Databasens navn').fill(config.database);
    await page.locator('#move-ca').fill(config.caCertificate);
    await field(page, 'Databaseejerens adgangskode').fill('forkert');
    await page.getByRole('button', { name: 'Prøv flytningen (ændrer intet)' }).click();
    await expect(page.getByTestId('error-summary')).toContainText('Serveren afviste ejerens adgangskode');
    await field(page, 'Databaseejerens adgangskode').fill(OWNER_PASSWORD);
    await page.getByRole('button', { name: 'Prøv flytningen (ændrer intet)' }).click();
    await expect(page.getByTestId('move-dry-run')).toContainText('Serveren er klar, og intet er ændret endnu.');
    await expect(page.getByTestId('move-dry-run')).toContainText('Adgangsloggens kæde: hel');
    await checkA11y(page, 'flyt til server, prøveflytning');
    await shotBoth(page, '130-flyt-proeve');

    await page.getByRole('button', { name: 'Flyt databasen nu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Flyt nu' }).click();
    await expect(page.getByRole('heading', { name: 'Databasen er flyttet' })).toBeVisible({ timeout: 60_000 });
    const password = (await page.getByTestId('move-passwords').locator('tbody tr', { hasText: ADMIN.loginName }).locator('code').textContent()) ?? '';
    expect(password).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await checkA11y(page, 'flyt til server, flyttet');
    await shotBoth(page, '131-flyt-faerdig');

    // A workstation on the server: the one-time password, then one's own; the family is there; the server panel.
    const onServer = await startServer();
    workstations.push(onServer);
    const other = await page.context().newPage();
    await other.goto(onServer.url);
    await api(other, 'setup:connectServer', { host: config.host, port: config.port, database: config.database, caCertificate: config.caCertificate });
    await other.reload();
    await firstLogin(other, ADMIN.loginName, password, 'min egen nye kode 42');
    await expect(other.getByRole('banner')).toContainText(ADMIN.institution);
    await openHash(other, `/familier/${familyId}/dagbog`);
    await expect(other.getByText('Skrevet før flytningen.')).toBeVisible();
    await openHash(other, '/admin/sikkerhedskopier');
    await expect(other.getByTestId('server-status')).toContainText('Ja (TLS');
    await expect(other.getByTestId('server-last-backup')).toHaveText('Ingen endnu');
    await checkA11y(other, 'sikkerhedskopier på serveren');
    await shotBoth(other, '132-server-sikkerhedskopier');
    // The first backup of the server shows the backup code once; the panel then knows the last backup.
    await other.getByRole('button', { name: 'Tag sikkerhedskopi nu' }).click();
    await expect(other.getByTestId('backup-code')).toContainText(/[2-9A-Z]{5}-[2-9A-Z]{5}-[2-9A-Z]{5}-[2-9A-Z]{5}-[2-9A-Z]{5}/, { timeout: 30_000 });
    await expect(other.getByTestId('server-last-backup')).toContainText(`af ${ADMIN.name}`);
    await expect(other.getByText('Kontrolleret, da den blev taget')).toBeVisible();
    await checkA11y(other, 'sikkerhedskopi af serveren taget');
    await shotBoth(other, '133-server-sikkerhedskopikode');
  } finally {
    for (const w of workstations) await w.stop();
    await postgres.stop();
  }
});
