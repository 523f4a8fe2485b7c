import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, checkA11y, field, login, setUpQuickly, shotBoth, submitSetup } from './helpers';
import { startServer } from './server';

test('setup shows the data folder, refuses a folder with other files, and creates the database in a chosen empty folder', async ({ page }) => {
  const server = await startServer({}, { dataRoot: true });
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'familiespor-e2e-valgt-'));
  const chosen = path.join(elsewhere, 'Familiespor', 'data');
  fs.writeFileSync(path.join(elsewhere, 'regnskab.xlsx'), 'x');
  try {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Datamappe' })).toBeVisible();
    await expect(page.getByTestId('data-folder')).toHaveText(server.dataDir);
    await shotBoth(page, '05-opsaetning-datamappe');
    await checkA11y(page, '05-opsaetning-datamappe');

    await page.getByRole('button', { name: 'Vælg en anden mappe' }).click();
    const folder = field(page, 'Anden datamappe');
    await expect(folder).toBeFocused();
    await folder.fill(elsewhere);
    await page.getByRole('button', { name: 'Kontrollér mappen' }).click();
    await expect(page.getByText(/Mappen indeholder andre filer/)).toBeVisible();
    await expect(folder).toHaveAttribute('aria-invalid', 'true');
    await folder.fill('\\\\filserver\\faelles\\Familiespor');
    await page.getByRole('button', { name: 'Kontrollér mappen' }).click();
    await expect(page.getByText(/netværksdrev/)).toBeVisible();
    await folder.fill(chosen);
    await page.getByRole('button', { name: 'Kontrollér mappen' }).click();
    await expect(page.getByText(`Mappen kan bruges: ${chosen}`)).toBeVisible();
    await shotBoth(page, '06-opsaetning-anden-datamappe');
    await checkA11y(page, '06-opsaetning-anden-datamappe');

    await submitSetup(page);
    await expect(page.getByTestId('recovery-code')).toBeVisible();
    expect(fs.existsSync(path.join(chosen, 'familiespor.db'))).toBe(true);
    expect(fs.existsSync(path.join(server.dataDir, 'familiespor.db'))).toBe(false);
  } finally {
    await server.stop();
  }
});

test("an earlier install's data in the Windows user's own folder is moved at start, and the login screen says so", async ({ page }) => {
  // The earlier install: set up in its own folder (as %APPDATA%\Familiespor\data was).
  const earlier = await startServer();
  await setUpQuickly(page, earlier.url);
  await earlier.stop();
  const server = await startServer({}, { dataRoot: true, legacyDataDir: earlier.dataDir });
  try {
    await page.goto(server.url);
    await expect(page.getByText(/Dataene er flyttet fra/)).toBeVisible();
    await expect(page.getByText(/Dataene er flyttet fra/)).toContainText(server.dataDir);
    await shotBoth(page, '07-login-data-flyttet');
    await checkA11y(page, '07-login-data-flyttet');
    await login(page, ADMIN.loginName, ADMIN.password);
    await expect(page.getByTestId('current-user')).toBeVisible();
    expect(fs.existsSync(path.join(server.dataDir, 'familiespor.db'))).toBe(true);
    expect(fs.existsSync(earlier.dataDir)).toBe(false);
  } finally {
    await server.stop();
  }
});
