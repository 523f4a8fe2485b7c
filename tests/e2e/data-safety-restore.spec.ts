import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DB_FILE, dateTime, expectAccessible, family, firstCategory, garble, note, openDagbog, toLoginScreen } from './data-safety-helpers';
import { ADMIN, api, field, LAPTOP, login, setUpQuickly, shotBoth } from './helpers';
import { startServer } from './server';

/** Gendan fra sikkerhedskopi: from the login screen, the setup screen of a fresh computer, a damaged database and a damaged key file. */
test.use({ viewport: LAPTOP });

test('Gendan from the login screen: the note written after the backup is gone, the one before is there', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    const categoryId = await firstCategory(page);
    const holm = await family(page, 'Familien Holm');
    await note(page, holm, categoryId, 'Første notat: før sikkerhedskopien.');
    await api(page, 'backups:create', {});
    await note(page, holm, categoryId, 'Andet notat: efter sikkerhedskopien.');
    await toLoginScreen(page);
    await shotBoth(page, '78-login-gendan');

    await page.getByRole('button', { name: 'Gendan fra sikkerhedskopi' }).click();
    await expect(page.getByRole('heading', { name: 'Trin 1 af 3: Vælg sikkerhedskopien' })).toBeVisible();
    // The newest backup is chosen already (the one taken at logout, or the manual one).
    await expect(page.getByRole('radio').first()).toBeChecked();
    await expect(page.getByText('(nyeste)')).toBeVisible();
    await expectAccessible(page);
    await shotBoth(page, '65-gendan-vaelg');
    // The manual backup, taken before the second note.
    await page.getByRole('radio', { name: /manuel/ }).check();
    await page.getByRole('button', { name: 'Videre' }).click();
    await expect(page.getByRole('heading', { name: 'Trin 2 af 3: Lås sikkerhedskopien op' })).toBeVisible();
    const preview = page.getByTestId('restore-preview');
    await expect(preview).toContainText(ADMIN.institution);
    await expect(preview).toContainText('manuel');
    await expect(preview).toContainText(/\d+,\d MB/);
    await expect(preview).toContainText(dateTime);
    await expect(field(page, 'Brugernavn')).toBeFocused();
    await field(page, 'Brugernavn').fill(ADMIN.loginName);
    await field(page, 'Adgangskode').fill('forkert adgangskode');
    await page.getByRole('button', { name: 'Lås op' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Brugernavn eller adgangskode passer ikke til sikkerhedskopien.' })).toBeVisible();
    await expect(field(page, 'Adgangskode')).toHaveValue('');
    await expectAccessible(page);
    await shotBoth(page, '66-gendan-laas-op');

    // Unlocked, then cancelled: the staged copy is closed and nothing changed.
    await field(page, 'Adgangskode').fill(ADMIN.password);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { name: 'Trin 3 af 3: Gendan' })).toBeVisible();
    await page.getByRole('button', { name: 'Annullér' }).click();
    await login(page, ADMIN.loginName, ADMIN.password);
    await openDagbog(page, 'Familien Holm');
    await expect(page.getByText('Andet notat: efter sikkerhedskopien.')).toBeVisible();
    await page.getByRole('button', { name: 'Log ud' }).click();

    await page.getByRole('button', { name: 'Gendan fra sikkerhedskopi' }).click();
    await page.getByRole('radio', { name: /manuel/ }).check();
    await page.getByRole('button', { name: 'Videre' }).click();
    await field(page, 'Brugernavn').fill(ADMIN.loginName);
    await field(page, 'Adgangskode').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Lås op' }).click();
    const contents = page.getByTestId('restore-contents');
    await expect(contents).toContainText('1 familie (heraf 1 i forløb)');
    await expect(contents).toContainText('1 underskrevet notat');
    await expect(contents).toContainText('1 bruger');
    await expect(contents).toContainText('(samme som programmets)');
    await expect(page.getByText('Den database, der bruges nu, lægges til side i datamappen. Den slettes ikke.')).toBeVisible();
    await expectAccessible(page);
    await shotBoth(page, '67-gendan-indhold');
    await page.getByRole('button', { name: 'Gendan', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sikkerhedskopien er gendannet' })).toBeVisible();
    await expect(page.getByText(/Den database, der blev brugt før, er lagt til side i mappen/)).toContainText(path.join(server.dataDir, 'foer-gendannelse-'));
    await shotBoth(page, '68-gendan-faerdig');
    await page.getByRole('button', { name: 'Gå til login' }).click();

    await login(page, ADMIN.loginName, ADMIN.password);
    await openDagbog(page, 'Familien Holm');
    await expect(page.getByText('Første notat: før sikkerhedskopien.')).toBeVisible();
    await expect(page.getByText('Andet notat: efter sikkerhedskopien.')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('Gendan on a fresh computer from the setup screen, with the recovery code; a backup from a newer version is refused', async ({ page, browser }) => {
  const old = await startServer();
  const fresh = await startServer();
  const other = await browser.newPage({ viewport: LAPTOP });
  try {
    await other.goto(old.url);
    const { recoveryCode } = await api<{ recoveryCode: string }>(other, 'setup:create', {
      institutionName: ADMIN.institution,
      admin: { name: ADMIN.name, initials: ADMIN.initials, loginName: ADMIN.loginName, password: ADMIN.password },
    });
    const categoryId = await firstCategory(other);
    await note(other, await family(other, 'Familien Ørum'), categoryId, 'Notat fra den gamle computer.');
    const backup = await api<{ id: string }>(other, 'backups:create', {});
    const folder = (await api<{ folder: string }>(other, 'backups:status', {})).folder;
    const backupDir = path.join(folder, backup.id);
    // The same backup as if a newer Familiespor had made it.
    const newer = path.join(folder, 'kopi-fra-nyere-version');
    fs.cpSync(backupDir, newer, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(newer, 'manifest.json'), 'utf8')) as { schemaVersion: number };
    fs.writeFileSync(path.join(newer, 'manifest.json'), JSON.stringify({ ...manifest, schemaVersion: 999 }));

    await page.goto(fresh.url);
    await expect(page.getByRole('heading', { name: 'Velkommen – lad os sætte Familiespor op' })).toBeVisible();
    await expectAccessible(page);
    await shotBoth(page, '69-opsaetning-gendan');
    await page.getByRole('button', { name: 'Gendan fra sikkerhedskopi' }).click();
    await expect(page.getByText('Familiespor har ikke fundet sikkerhedskopier på denne computer.', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'Videre' }).click();
    await expect(page.getByText('Vælg sikkerhedskopien.')).toBeVisible();
    await field(page, 'Sti til sikkerhedskopien').fill(path.join(folder, 'findes-ikke'));
    await page.getByRole('button', { name: 'Videre' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Sikkerhedskopien findes ikke.' })).toBeVisible();
    await field(page, 'Sti til sikkerhedskopien').fill(path.join(newer, DB_FILE));
    await page.getByRole('button', { name: 'Videre' }).click();
    await expect(page.getByText('Sikkerhedskopien er lavet af en nyere version af Familiespor og kan ikke gendannes med denne version.', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lås op' })).toHaveCount(0);
    await shotBoth(page, '70-gendan-for-ny');
    await page.getByRole('button', { name: 'Vælg en anden sikkerhedskopi' }).click();
    await field(page, 'Sti til sikkerhedskopien').fill(backupDir);
    await page.getByRole('button', { name: 'Videre' }).click();
    await page.getByRole('radio', { name: 'Med gendannelseskoden' }).check();
    await expect(field(page, 'Gendannelseskode')).toBeFocused();
    await field(page, 'Gendannelseskode').fill(recoveryCode);
    await page.getByRole('button', { name: 'Lås op' }).click();
    await expect(page.getByTestId('restore-contents')).toContainText('1 familie');
    await page.getByRole('button', { name: 'Gendan', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sikkerhedskopien er gendannet' })).toBeVisible();
    // Nothing was there before, so nothing was kept aside.
    await expect(page.getByText(/lagt til side i mappen/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Gå til login' }).click();
    await expect(page.getByRole('heading', { name: ADMIN.institution })).toBeVisible();
    await login(page, ADMIN.loginName, ADMIN.password);
    await openDagbog(page, 'Familien Ørum');
    await expect(page.getByText('Notat fra den gamle computer.')).toBeVisible();
  } finally {
    await other.close();
    await old.stop();
    await fresh.stop();
  }
});

test('a damaged database: a clear screen that offers the newest good backup, and the restore brings the data back', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    const categoryId = await firstCategory(page);
    await note(page, await family(page, 'Familien Bakke'), categoryId, 'Notatet i sikkerhedskopien.');
    await api(page, 'backups:create', {});
    await toLoginScreen(page);
    garble(path.join(server.dataDir, DB_FILE));

    await login(page, ADMIN.loginName, ADMIN.password);
    await expect(page.getByRole('heading', { name: 'Databasen er beskadiget' })).toBeVisible();
    await expect(page.getByText('Intet er ændret.', { exact: false }).first()).toBeVisible();
    await expect(page.getByTestId('newest-backup')).toContainText(dateTime);
    await expect(page.getByRole('button', { name: 'Gendan den nyeste sikkerhedskopi' })).toBeFocused();
    await expectAccessible(page);
    await shotBoth(page, '71-database-beskadiget');
    await page.getByRole('button', { name: 'Gendan den nyeste sikkerhedskopi' }).click();
    await expect(page.getByRole('heading', { name: 'Trin 2 af 3: Lås sikkerhedskopien op' })).toBeVisible();
    await field(page, 'Brugernavn').fill(ADMIN.loginName);
    await field(page, 'Adgangskode').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Lås op' }).click();
    await expect(page.getByTestId('restore-contents')).toContainText('1 underskrevet notat');
    await page.getByRole('button', { name: 'Gendan', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sikkerhedskopien er gendannet' })).toBeVisible();
    await page.getByRole('button', { name: 'Gå til login' }).click();
    await login(page, ADMIN.loginName, ADMIN.password);
    await openDagbog(page, 'Familien Bakke');
    await expect(page.getByText('Notatet i sikkerhedskopien.')).toBeVisible();
    // The damaged file was kept aside, not deleted.
    const aside = fs.readdirSync(server.dataDir).filter((n) => n.startsWith('foer-gendannelse-'));
    expect(aside).toHaveLength(1);
    expect(fs.existsSync(path.join(server.dataDir, aside[0] ?? '', DB_FILE))).toBe(true);
  } finally {
    await server.stop();
  }
});

test('a damaged key file: its screen offers a restore too, and the backup (with its own key file) opens again', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    const categoryId = await firstCategory(page);
    await note(page, await family(page, 'Familien Lund'), categoryId, 'Notat før nøglefilen gik i stykker.');
    await api(page, 'backups:create', {});
    await api(page, 'session:logout', {});
    fs.writeFileSync(path.join(server.dataDir, 'familiespor.keys.json'), '{"format":"familiespor-keyfile","slots":[');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Databasen kan ikke åbnes' })).toBeVisible();
    await expectAccessible(page);
    await shotBoth(page, '77-noeglefil-beskadiget');
    await page.getByRole('button', { name: 'Gendan fra sikkerhedskopi' }).click();
    await page.getByRole('button', { name: 'Videre' }).click();
    await field(page, 'Brugernavn').fill(ADMIN.loginName);
    await field(page, 'Adgangskode').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Lås op' }).click();
    await page.getByRole('button', { name: 'Gendan', exact: true }).click();
    await page.getByRole('button', { name: 'Gå til login' }).click();
    await login(page, ADMIN.loginName, ADMIN.password);
    await openDagbog(page, 'Familien Lund');
    await expect(page.getByText('Notat før nøglefilen gik i stykker.')).toBeVisible();
  } finally {
    await server.stop();
  }
});
