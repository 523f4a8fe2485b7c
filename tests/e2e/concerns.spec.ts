import { expect, test } from '@playwright/test';
import { api, checkA11y, field, firstLogin, isoDay, LAPTOP, logout, openHash, setUpQuickly, shotBoth } from './helpers';
import { startServer } from './server';

test.use({ viewport: LAPTOP });

const danish = (iso: string) => iso.split('-').reverse().join('.');

test('a serious concern: the writer is told what follows and records an underretning; the leader acknowledges with a note', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    await api(page, 'users:create', { name: 'Bo Østergaard', initials: 'BØ', loginName: 'bo', role: 'staff', temporaryPassword: 'midlertidig kode 1' });
    await api(page, 'users:create', { name: 'Lene Leder', initials: 'LL', loginName: 'lene', role: 'leader', temporaryPassword: 'midlertidig kode 2' });
    const family = await api<{ id: number }>(page, 'families:create', {
      displayName: 'Familien Sørensen',
      municipality: 'Odense Kommune',
      startDate: '2026-01-05',
      persons: [{ kind: 'mother', name: 'Maja Sørensen' }],
    });
    await api(page, 'session:logout', {});
    await page.reload();

    // Bo writes a serious concern from the keyboard: Kategori, Notat, Bekymring → Alvorlig.
    await firstLogin(page, 'bo', 'midlertidig kode 1', 'bos egen kode 42');
    await openHash(page, `/familier/${family.id}/dagbog`);
    await expect(page.getByRole('heading', { name: 'Familien Sørensen' })).toBeVisible();
    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog', { name: 'Nyt notat' });
    await expect(page.locator('#entry-categoryId')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Far kom påvirket hjem og råbte ad Maja, mens barnet græd.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const serious = dialog.getByTestId('serious-concern');
    await expect(serious).toContainText('En alvorlig bekymring går til lederne.');
    await expect(serious).toContainText('skærpet underretningspligt efter Barnets lov');
    await serious.getByLabel(/^Ja – åbn »Registrér underretning«/).check();
    await shotBoth(page, '80-nyt-notat-alvorlig', { fullPage: false });
    await checkA11y(page, '80-nyt-notat-alvorlig');
    await page.keyboard.press('Control+Enter');
    await dialog.getByRole('button', { name: 'Underskriv', exact: true }).click();

    // Signed: the family's overview opens »Registrér underretning« with the note.
    const form = page.getByRole('dialog', { name: 'Registrér underretning' });
    await expect(form).toBeVisible();
    await expect(form.getByTestId('underretning-note')).toContainText('Knyttet til notatet fra');
    await expect(form.getByLabel(/^Begrundelse/)).toHaveValue('Far kom påvirket hjem og råbte ad Maja, mens barnet græd.');
    await expect(field(form, 'Kommune')).toHaveValue('Odense Kommune');
    await expect(field(form, 'Sendt den')).toHaveValue(isoDay(0));
    // Every problem at once, beside its field and in the summary.
    await field(form, 'Kommune').fill('');
    await field(form, 'Sendt den').fill(isoDay(3));
    await form.getByRole('button', { name: 'Registrér underretning' }).click();
    const summary = form.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.locator('li')).toHaveCount(2);
    await expect(form.getByText('Datoen ligger i fremtiden.', { exact: true })).toBeVisible();
    await expect(form.getByText('Kommune skal udfyldes.', { exact: true })).toBeVisible();
    await shotBoth(page, '81-registrer-underretning-fejl', { fullPage: false });
    await checkA11y(page, '81-registrer-underretning-fejl');
    await field(form, 'Kommune').fill('Odense Kommune');
    await field(form, 'Sendt den').fill(isoDay(0));
    await field(form, 'Modtager').fill('Familieafdelingen, Børn og Unge');
    await form.getByRole('button', { name: 'Registrér underretning' }).click();
    await expect(form).toHaveCount(0);
    const concerns = page.getByTestId('concerns');
    await expect(concerns.getByTestId('underretning')).toContainText(`Sendt ${danish(isoDay(0))} til Odense Kommune (Familieafdelingen, Børn og Unge)`);
    await expect(concerns.getByTestId('underretning')).toContainText('Registreret af Bo Østergaard');
    await expect(concerns.getByTestId('concern-history')).toContainText('Afventer kvittering fra en leder');
    await logout(page);

    // The leader acknowledges with what was done and a note.
    await firstLogin(page, 'lene', 'midlertidig kode 2', 'ledelsens kode 77');
    await page.getByRole('link', { name: 'Forside' }).click();
    const pending = page.getByTestId('pending-concerns');
    await expect(pending).toContainText('Far kom påvirket hjem');
    await expect(page.getByTestId('handover')).toContainText('1 alvorlig bekymring venter på en leder');
    await pending.getByRole('button', { name: 'Kvittér for bekymringen' }).click();
    const ack = page.getByRole('dialog', { name: /Kvittér for bekymringen/ });
    await ack.getByRole('button', { name: 'Kvittér' }).click();
    await expect(ack.getByTestId('error-summary')).toBeFocused();
    await expect(ack.getByTestId('error-summary').locator('li')).toHaveCount(2);
    await ack.getByLabel('Underretning sendt').check();
    await ack.getByLabel('Talt med familien').check();
    await field(ack, 'Note om hvad der er gjort').fill('Talt med Maja i aften. Bo har sendt underretningen; tovholder følger op i morgen.');
    await shotBoth(page, '82-kvittering', { fullPage: false });
    await checkA11y(page, '82-kvittering');
    await ack.getByRole('button', { name: 'Kvittér' }).click();
    await expect(pending.getByText('Ingen bekymringer venter.')).toBeVisible();

    // The family's overview: the concern with what was done, the underretning, and a correction appended to it.
    await page.getByTestId('families').getByRole('link', { name: 'Familien Sørensen' }).click();
    await expect(concerns.getByTestId('concern-history')).toContainText('Kvitteret af Lene Leder');
    await expect(concerns.getByTestId('concern-history')).toContainText('Talt med familien, Underretning sendt');
    await expect(concerns.getByTestId('concern-history')).toContainText('»Talt med Maja i aften.');
    await expect(concerns.getByTestId('underretning')).toContainText('Om notatet fra');
    await concerns.getByRole('button', { name: 'Tilføj rettelse' }).click();
    const amend = page.getByRole('dialog', { name: /^Ret underretningen fra/ });
    await field(amend, 'Hvorfor rettes der?').fill('Forkert modtager');
    await amend.getByLabel(/^Rettelse/).fill('Sendt til sagsbehandler Karen Holm, ikke familieafdelingen.');
    await amend.getByRole('button', { name: 'Gem rettelse' }).click();
    await expect(amend).toHaveCount(0);
    await expect(concerns.getByTestId('underretning')).toContainText('Rettelse af Lene Leder');
    await expect(concerns.getByTestId('underretning')).toContainText('Sendt til sagsbehandler Karen Holm');
    await shotBoth(page, '83-overblik-bekymringer');
    await checkA11y(page, '83-overblik-bekymringer');
  } finally {
    await server.stop();
  }
});
