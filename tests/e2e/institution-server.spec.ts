import { expect, test } from '@playwright/test';
import { prepareInstitution, startPostgres, type TestPostgres } from '../pg';
import { ADMIN, api, checkA11y, field, login, shotBoth } from './helpers';
import { startServer, type TestServer } from './server';

test.setTimeout(180_000);

/**
 * Two workstations on the institution's server: one joins through the setup screen ("Institutionens server"), the
 * other's signed note appears on the first one's screen without a reload, and a server that goes away is said plainly.
 */
test('Institutionens server: join at setup, log in, see another workstation\'s note at once, and be told when the server is gone', async ({ page, browser }) => {
  let postgres: TestPostgres | null = await startPostgres();
  const workstations: TestServer[] = [];
  try {
    const { config } = await prepareInstitution(postgres, 'laerkebo', { firstAdmin: ADMIN, institutionName: ADMIN.institution, ownerPassword: 'ejerens lange adgangskode 1' });

    const first = await startServer();
    workstations.push(first);
    await page.goto(first.url);
    await page.getByRole('button', { name: 'Institutionens server' }).click();
    await expect(page.getByRole('heading', { name: 'Forbind til institutionens server' })).toBeVisible();
    await page.getByRole('button', { name: 'Forbind' }).click();
    await expect(page.getByTestId('error-summary')).toContainText('Skriv serverens navn.');
    await checkA11y(page, 'institutionens server');
    await field(page, 'Serverens navn').fill(config.host);
    await field(page, 'Port').fill(String(config.port));
    await field(page, 'Databasens navn').fill(config.database);
    await page.locator('#server-ca').fill(config.caCertificate);
    await shotBoth(page, '120-institutionens-server');
    await page.getByRole('button', { name: 'Forbind' }).click();
    // Before the first login the workstation knows only where the server is: the institution's name comes from it.
    await expect(page.getByTestId('login-server')).toHaveText(`Institutionens server: ${config.host} · ${config.database}`);
    await expect(page.getByRole('button', { name: 'Gendan fra sikkerhedskopi' })).toHaveCount(0);
    await login(page, ADMIN.loginName, ADMIN.password);
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(ADMIN.institution);
    // No recovery code on the server: no reminder about one.
    await expect(page.getByText('Gendannelseskoden er ikke bekræftet')).toHaveCount(0);
    const family = await api<{ id: number }>(page, 'families:create', { displayName: 'Familien Ærø', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor Ærø' }] });
    await page.goto(`${first.url}#/familier/${family.id}/dagbog`);
    await expect(page.getByRole('heading', { name: 'Familien Ærø', level: 1 })).toBeVisible();

    // The second workstation, joined and logged in through its own backend.
    const second = await startServer();
    workstations.push(second);
    const other = await browser.newPage();
    await other.goto(second.url);
    await api(other, 'setup:connectServer', { host: config.host, port: config.port, database: config.database, caCertificate: config.caCertificate });
    await api(other, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const categoryId = (await api<{ id: number }[]>(other, 'journal:categories', {}))[0]?.id;
    await api(other, 'journal:sign', {
      familyId: family.id,
      observedAt: new Date(Date.now() - 60_000).toISOString(),
      shift: 'day',
      categoryId,
      personIds: [],
      text: 'Skrevet på den anden computer: mor og barn sov godt.',
      concern: 'none',
    });
    await expect(page.getByText('Skrevet på den anden computer: mor og barn sov godt.')).toBeVisible({ timeout: 5000 });
    await other.close();

    // The server goes away: the screen says so, and what is shown stays.
    await postgres.stop();
    postgres = null;
    await expect(page.getByTestId('server-offline')).toContainText('Ingen forbindelse til serveren.', { timeout: 15_000 });
    await expect(page.getByText('Skrevet på den anden computer: mor og barn sov godt.')).toBeVisible();
    await shotBoth(page, '121-ingen-forbindelse');
  } finally {
    for (const w of workstations) await w.stop();
    if (postgres) await postgres.stop();
  }
});
