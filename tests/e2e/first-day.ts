import { expect, type Page } from '@playwright/test';
import { ADMIN, field, isoDay, submitSetup } from './helpers';

/**
 * A new institution's first day through the screens only (no shortcuts through the bridge, so the same walk runs in
 * Chromium against browser mode and in the real Electron shell): setup with the recovery code, logging out and in,
 * a family, one note by keyboard, and the family's progression report on screen as a print view.
 * Returns the family's id (from the URL).
 */
export async function walkFirstDay(page: Page): Promise<number> {
  await expect(page.getByRole('heading', { name: 'Velkommen – lad os sætte Familiespor op' })).toBeVisible();
  await submitSetup(page);
  const code = (await page.getByTestId('recovery-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^([A-Z0-9]{5}-){4}[A-Z0-9]{5}$/);
  await page.getByLabel('Jeg har gemt koden et sikkert sted').check();
  await field(page, 'Skriv de to sidste grupper af koden').fill(code.split('-').slice(-2).join('-'));
  await page.getByRole('button', { name: 'Koden er gemt – fortsæt' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();

  await page.getByRole('button', { name: 'Log ud' }).click();
  await field(page, 'Brugernavn').fill(ADMIN.loginName);
  await field(page, 'Adgangskode').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();

  await page.getByRole('link', { name: 'Familier' }).click();
  await page.getByRole('link', { name: 'Ny familie' }).click();
  await field(page, 'Familiens navn').fill('Familien Holm');
  await field(page, 'Startdato').fill(isoDay(-10));
  await page.locator('#p-name-0').fill('Sara Holm');
  await page.getByRole('button', { name: 'Opret familie' }).click();
  await expect(page.getByRole('heading', { name: 'Familien Holm', level: 1 })).toBeVisible();
  const familyId = Number(/#\/familier\/(\d+)/.exec(page.url())?.[1]);
  expect(familyId).toBeGreaterThan(0);

  await page.getByRole('link', { name: 'Dagbog', exact: true }).click();
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Nyt notat' });
  await expect(dialog).toBeVisible();
  // A new family has no category used last: the first in the list.
  const category = page.locator('#entry-categoryId');
  await expect(category).toBeFocused();
  // The categories arrive from the backend: wait for them before choosing one with the keyboard.
  await expect(category.locator('option').nth(1)).toBeAttached();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expect(category).not.toHaveValue('');
  await page.keyboard.press('Tab');
  await expect(page.locator('#entry-text')).toBeFocused();
  await page.keyboard.type('Sara og Liva havde god øjenkontakt under badet.');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByText('Underskriv notatet?')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('timeline').getByTestId('entry')).toHaveCount(1);

  await page.goto(page.url().replace(/#.*$/, `#/familier/${familyId}/udskrifter`));
  await page.getByRole('button', { name: 'Vis progressionsrapport' }).click();
  const sheet = page.getByTestId('print-sheet');
  await expect(sheet.getByRole('heading', { name: 'Progressionsrapport' })).toBeVisible();
  await expect(sheet).toContainText('Familien Holm');
  return familyId;
}
