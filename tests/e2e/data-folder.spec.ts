import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, checkA11y, field, shotBoth } from './helpers';
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

    await field(page, 'Institutionens navn').fill(ADMIN.institution);
    await field(page, 'Fulde navn').fill(ADMIN.name);
    await field(page, 'Initialer').fill(ADMIN.initials);
    await field(page, 'Brugernavn').fill(ADMIN.loginName);
    await field(page, 'Adgangskode').fill(ADMIN.password);
    await field(page, 'Gentag adgangskode').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Opret og fortsæt' }).click();
    await expect(page.getByTestId('recovery-code')).toBeVisible();
    expect(fs.existsSync(path.join(chosen, 'familiespor.db'))).toBe(true);
    expect(fs.existsSync(path.join(server.dataDir, 'familiespor.db'))).toBe(false);
  } finally {
    await server.stop();
  }
});
