import { expect, test } from '@playwright/test';
import { api, checkA11y, createFamily, LAPTOP, openHash, setUpQuickly, shotBoth, signNote } from './helpers';
import { startServer } from './server';

test.use({ viewport: LAPTOP });

test('notes: a counter of what the user sees; a paste too long stays in the dialog with an honest message; long notes fold; filters fold away', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    const holm = await createFamily(page, 'Familien Holm', 'Sara Holm');
    const long = `${'Liva lå længe vågen og kiggede på uroen over sengen, mens Sara sang for hende. '.repeat(20)}Til sidst faldt hun i søvn ved 21-tiden.`;
    await signNote(page, holm, long, new Date(Date.now() - 3_600_000));
    await page.reload();
    await openHash(page, `/familier/${holm}/dagbog`);

    // A long note is folded, and opens.
    const note = page.getByTestId('timeline').getByTestId('entry').first();
    await expect(note).not.toContainText('Til sidst faldt hun i søvn');
    const more = note.getByRole('button', { name: 'Vis hele notatet' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    await expect(note).toContainText('Til sidst faldt hun i søvn ved 21-tiden.');
    await expect(note.getByRole('button', { name: 'Vis kun begyndelsen' })).toHaveAttribute('aria-expanded', 'true');

    // The filters fold away behind »Filtre«.
    const filters = page.getByRole('button', { name: 'Filtre' });
    await expect(filters).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByLabel('Skrevet af')).toHaveCount(0);
    await shotBoth(page, '105-dagbog');
    await checkA11y(page, '105-dagbog');
    await filters.click();
    await page.getByLabel('Skrevet af').selectOption({ label: 'Astrid Ærø' });
    await expect(page.getByRole('button', { name: 'Filtre (1)' })).toBeVisible();
    await shotBoth(page, '106-dagbog-filtre');
    await checkA11y(page, '106-dagbog-filtre');
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await expect(page.getByRole('button', { name: 'Filtre' })).toBeVisible();

    // The counter counts characters as they are seen: an emoji with its skin tone is one.
    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog', { name: 'Nyt notat' });
    await page.locator('#entry-categoryId').selectOption({ label: 'Barnets trivsel og udvikling' });
    await page.locator('#entry-text').fill('Liva 👶🏽 smilede');
    await expect(dialog.getByTestId('text-counter')).toHaveText('14 af 20.000 tegn');
    await expect(dialog.getByText(/Kladde gemt/)).toBeVisible();

    // A paste too long: the text stays in the field, the message says so, and the saved draft is untouched.
    const tooLong = 'Ord '.repeat(5001);
    await page.locator('#entry-text').fill(tooLong);
    await expect(dialog.getByTestId('text-counter')).toHaveText('20.004 af 20.000 tegn');
    const message = dialog.getByText(/^Teksten er for lang til at blive gemt: den har 20\.004 tegn, og et notat kan højst have 20\.000\. Den står stadig her i feltet/);
    await expect(message).toBeVisible();
    await expect(message).toContainText(/Kladden fra kl\. \d{2}\.\d{2} er stadig gemt, uden det sidste\./);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await expect(page.locator('#entry-text')).toBeFocused();
    await expect(page.locator('#entry-text')).toHaveValue(tooLong);
    const drafts = await api<Array<{ text: string }>>(page, 'journal:drafts', {});
    expect(drafts.map((d) => d.text)).toEqual(['Liva 👶🏽 smilede']);
    await page.keyboard.press('Control+Enter');
    await expect(dialog.getByTestId('error-summary')).toContainText('Notat: Teksten er for lang');
    await expect(dialog.getByText('Underskriv notatet?')).toHaveCount(0);
    await shotBoth(page, '107-nyt-notat-for-langt', { fullPage: false });
    await checkA11y(page, '107-nyt-notat-for-langt');
    await page.locator('#entry-text').fill('Liva 👶🏽 smilede til Sara.');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('timeline')).toContainText('Liva 👶🏽 smilede til Sara.');
  } finally {
    await server.stop();
  }
});
