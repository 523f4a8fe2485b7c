import { expect, test } from '@playwright/test';
import { api, checkA11y, createFamily, field, isoDay, LAPTOP, openHash, setUpQuickly, shotBoth } from './helpers';
import { startServer } from './server';

test.use({ viewport: LAPTOP });

test('new family: the first click on »Opret familie« submits; invalid CPR, birth and terminsdato are reported at once; an unborn child needs no name', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    await api(page, 'families:create', { displayName: 'Familien Ørum', phase: 'closing', startDate: isoDay(-20), persons: [{ kind: 'mother', name: 'Mette Ørum' }] });
    await api(page, 'families:create', { displayName: 'Familien Østergaard-Vestergaard', phase: 'stay', startDate: isoDay(-3), persons: [{ kind: 'mother', name: 'Signe Østergaard-Vestergaard' }] });
    await page.reload();
    await page.getByRole('link', { name: 'Familier' }).click();
    await page.getByRole('link', { name: 'Ny familie' }).click();
    await expect(field(page, 'Familiens navn')).toBeFocused();

    // One click with the mouse, the cursor still in the empty first field: the form is submitted.
    await page.getByRole('button', { name: 'Opret familie' }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Familiens navn: Familiens navn skal udfyldes.');
    await expect(summary).toContainText('Person 1 · Navn: Navn skal udfyldes.');

    await field(page, 'Familiens navn').fill('Familien Holm');
    await page.getByLabel('Fase').selectOption({ label: 'Familieanbringelse' });
    await field(page, 'Startdato').fill(isoDay(-10));
    await page.locator('#p-name-0').fill('Sara Holm');
    await page.locator('#p-cpr-0').fill('310299-1234');
    await page.getByRole('button', { name: 'Tilføj person' }).click();
    await page.locator('#p-name-1').fill('Liva Holm');
    await page.locator('#p-birth-1').fill(isoDay(2));
    await page.getByRole('button', { name: 'Tilføj person' }).click();
    await page.locator('#p-due-2').fill(isoDay(730));
    // The unborn child's name may stay empty.
    await expect(page.locator('#p-name-2')).not.toHaveAttribute('aria-required');
    await expect(page.getByText('Kan stå tomt for et ufødt barn (vises som »Ufødt barn«).')).toBeVisible();
    await page.getByRole('button', { name: 'Opret familie' }).click();
    await expect(summary).toBeFocused();
    await expect(summary.locator('li')).toHaveCount(3);
    await expect(summary).toContainText('Person 1 · CPR-nummer: CPR-nummerets første seks cifre er ikke en dato, der findes (fx 31.02).');
    await expect(summary).toContainText('Person 2 · Fødselsdato: Fødselsdatoen ligger i fremtiden.');
    await expect(summary).toContainText('Person 3 · Terminsdato (ufødt barn): Terminsdatoen skal ligge mellem en måned før og ti måneder efter i dag.');
    // The same messages stand next to their fields.
    await expect(page.locator('#p-cpr-0')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#p-birth-1')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#p-due-2')).toHaveAttribute('aria-invalid', 'true');
    await shotBoth(page, '100-ny-familie-fejl');
    await checkA11y(page, '100-ny-familie-fejl');
    await summary.getByRole('button', { name: /^Person 3 · Terminsdato/ }).click();
    await expect(page.locator('#p-due-2')).toBeFocused();

    await page.locator('#p-cpr-0').fill('010203-1234');
    await page.locator('#p-birth-1').fill(isoDay(-30));
    await page.locator('#p-due-2').fill(isoDay(60));
    await page.getByRole('button', { name: 'Opret familie' }).click();
    await expect(page.getByRole('heading', { name: 'Familien Holm', level: 1 })).toBeVisible();
    await expect(page.getByText('Ufødt barn', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Udslusningsplan', exact: true })).toBeVisible();
    await expect(page.getByText('Familieanbringelse · 10 dage i anbringelse')).toBeVisible();

    // Days in placement: also for a family registered straight into »Afslutning«.
    await page.getByRole('link', { name: 'Familier' }).click();
    const rows = page.getByTestId('families').locator('tbody tr');
    await expect(rows.filter({ hasText: 'Familien Holm' }).locator('td').nth(2)).toHaveText('10');
    await expect(rows.filter({ hasText: 'Familien Ørum' }).locator('td').nth(2)).toHaveText('20');
    // At 1366 and 1920 px the table uses the width and no family name or tovholder wraps onto a second line.
    const lines = () =>
      page
        .getByTestId('families')
        .locator('tbody td:nth-child(1), tbody td:nth-child(5)')
        .evaluateAll((cells) =>
          cells.map((c) => {
            const range = document.createRange();
            range.selectNodeContents(c);
            return `${c.textContent}: ${new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size}`;
          }),
        );
    for (const viewport of [LAPTOP, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(viewport);
      for (const cell of await lines()) expect(cell, `at ${viewport.width} px`).toMatch(/: 1$/);
    }
    expect((await page.getByTestId('families').boundingBox())?.width ?? 0).toBeGreaterThan(1500);
    await page.setViewportSize(LAPTOP);
    await shotBoth(page, '101-familier');
    await checkA11y(page, '101-familier');
  } finally {
    await server.stop();
  }
});

test('team: actions named per person, asked once, the focus kept in place; internal or external in one group; the new roles', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    await api(page, 'users:create', { name: 'Bo Østergaard', initials: 'BØ', loginName: 'bo', role: 'staff', temporaryPassword: 'midlertidig kode 1' });
    const holm = await createFamily(page, 'Familien Holm', 'Sara Holm');
    await page.reload();
    await openHash(page, `/familier/${holm}/team`);
    const team = page.getByTestId('team');
    await expect(team).toContainText('Astrid Ærø');

    // Bo, a kontaktpædagog here. After adding, the form is empty and the focus is back in its first field.
    await expect(page.getByRole('group', { name: 'Hvem tilføjes?' })).toBeVisible();
    await page.locator('#team-user').selectOption({ label: 'Bo Østergaard' });
    await page.getByLabel('Rolle').selectOption({ label: 'Kontaktpædagog' });
    await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(page.getByText('Bo Østergaard er tilføjet til teamet.')).toBeVisible();
    await expect(team.locator('tr', { hasText: 'Bo Østergaard' })).toContainText('Kontaktpædagog');
    await expect(page.locator('#team-user')).toBeFocused();
    await expect(page.locator('#team-user')).toHaveValue('');

    // An external socialrådgiver: every problem at once.
    await page.getByRole('radio', { name: 'Ekstern fagperson' }).check();
    await page.getByLabel('Rolle').selectOption({ label: 'Socialrådgiver' });
    await field(page, 'E-mail').fill('karen@');
    await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Navn: Skriv den eksterne fagpersons navn.');
    await expect(summary).toContainText('E-mail: Angiv en gyldig e-mailadresse.');
    await shotBoth(page, '102-team-fejl');
    await checkA11y(page, '102-team-fejl');
    await field(page, 'Navn').fill('Karen Holm');
    await field(page, 'Organisation').fill('Odense Kommune');
    await field(page, 'E-mail').fill('karen@odense.dk');
    await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(team.locator('tr', { hasText: 'Karen Holm' })).toContainText('Socialrådgiver');
    await expect(field(page, 'Navn')).toBeFocused();

    // A new tovholder: named per person, asked once.
    await page.getByRole('button', { name: 'Gør Bo Østergaard til tovholder' }).click();
    const confirm = page.getByRole('dialog', { name: 'Gør Bo Østergaard til tovholder?' });
    await expect(confirm).toContainText('Astrid Ærø er tovholder nu.');
    await shotBoth(page, '103-team-tovholder', { fullPage: false });
    await checkA11y(page, '103-team-tovholder');
    await confirm.getByRole('button', { name: 'Gør til tovholder' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(team.locator('tr', { hasText: 'Bo Østergaard' })).toContainText('Tovholder');
    await expect(page.locator('#team-message')).toBeFocused();
    await expect(page.locator('#team-message')).toHaveText('Bo Østergaard er nu tovholder.');

    // Removing: asked once; the focus stays in the table, on the next person's action.
    await page.getByRole('button', { name: 'Fjern Karen Holm' }).click();
    const remove = page.getByRole('dialog', { name: 'Fjern Karen Holm fra teamet?' });
    await remove.getByRole('button', { name: 'Annullér' }).click();
    await expect(page.getByRole('button', { name: 'Fjern Karen Holm' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Fjern Karen Holm fra teamet?' }).getByRole('button', { name: 'Fjern fra teamet' }).click();
    await expect(team).not.toContainText('Karen Holm');
    await expect(page.getByRole('button', { name: 'Gør Astrid Ærø til tovholder' })).toBeFocused();
    await shotBoth(page, '104-team');
    await checkA11y(page, '104-team');
  } finally {
    await server.stop();
  }
});
