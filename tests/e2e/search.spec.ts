import { expect, test } from '@playwright/test';
import { checkA11y, createFamily, LAPTOP, setUpQuickly, shotBoth, signNote } from './helpers';
import { startServer } from './server';

test.use({ viewport: LAPTOP });

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

test('search understands Danish inflections and phrases; a hit opens the note itself in its dagbog', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    const holm = await createFamily(page, 'Familien Holm', 'Sara Holm');
    const orum = await createFamily(page, 'Familien Ørum', 'Mette Ørum');
    await signNote(page, holm, 'Vi talte med Sara om bekymringen for Livas vægt.', hoursAgo(80));
    await signNote(page, holm, 'Liva leger med klodserne på tæppet.', hoursAgo(79));
    await signNote(page, orum, 'Jordemoderen kom forbi og så på såret.', hoursAgo(78));
    // Many newer notes: the bekymring note is far from the newest page of Familien Holm's dagbog.
    for (let i = 0; i < 55; i++) await signNote(page, holm, `Rutinenotat nummer ${i + 1} om dagens gang.`, hoursAgo(60 - i));
    await page.reload();
    await expect(page.getByTestId('current-user')).toBeVisible();

    // Ctrl+K, then Enter: whole words, inflected forms included.
    await page.keyboard.press('Control+k');
    const input = page.locator('#global-search');
    await expect(input).toBeFocused();
    await expect(page.getByText('»bekymringer« finder »bekymringen«')).toBeVisible();
    const results = page.getByTestId('search-results');
    const search = async (text: string) => {
      await input.fill(text);
      await input.press('Enter');
    };
    await search('bekymringer');
    await expect(results.locator('li')).toHaveCount(1);
    await expect(results.locator('mark')).toHaveText('bekymringen');
    await shotBoth(page, '90-soeg-boejninger');
    await checkA11y(page, '90-soeg-boejninger');
    await search('legede');
    await expect(results.locator('li')).toHaveCount(1);
    await expect(results.locator('mark')).toHaveText('leger');
    await search('jordemor');
    await expect(results.locator('li')).toHaveCount(1);
    await expect(results.locator('mark')).toHaveText('Jordemoderen');
    await expect(results).toContainText('Familien Ørum');
    // A submitted search is whole words; while typing, the last word is a beginning.
    await search('klods');
    await expect(page.getByText('Ingen notater indeholder »klods«.')).toBeVisible();
    await input.fill('klod');
    await expect(results.locator('li')).toHaveCount(1);
    await expect(results.locator('mark')).toHaveText('klodserne');
    // Quotes keep the words in order.
    await search('»talte med Sara«');
    await expect(results.locator('li')).toHaveCount(1);
    await search('»Sara med talte«');
    await expect(results.locator('li')).toHaveCount(0);

    // The hit opens the note in Familien Holm's dagbog: on the first page, marked and in view, its words marked.
    await search('bekymringer');
    await results.getByRole('link').first().click();
    await expect(page).toHaveURL(new RegExp(`#/familier/${holm}/dagbog\\?notat=\\d+&tid=.+&soeg=bekymringer$`));
    const target = page.locator('.observation.target');
    await expect(target).toContainText('Vi talte med Sara om bekymringen');
    await expect(target).toBeFocused();
    await expect(target).toBeInViewport();
    await expect(target.locator('mark')).toHaveText('bekymringen');
    await expect(page.getByTestId('timeline')).not.toContainText('Rutinenotat nummer 55');
    await shotBoth(page, '91-dagbog-fra-soegning', { fullPage: false });
    await checkA11y(page, '91-dagbog-fra-soegning');
    await page.getByRole('link', { name: 'Vis nyere notater' }).click();
    await expect(page.getByTestId('timeline').getByTestId('entry').first()).toContainText('Rutinenotat nummer 55');
    await expect(page.locator('.observation.target')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('Ctrl+K finds a family by name, from the keyboard', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    await createFamily(page, 'Familien Sørensen', 'Maja Sørensen');
    await createFamily(page, 'Familien Ørum', 'Mette Ørum');
    await page.reload();
    await expect(page.getByTestId('current-user')).toBeVisible();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('sørens');
    const families = page.getByTestId('family-results');
    await expect(families.getByRole('link')).toHaveText(['Familien Sørensen']);
    await page.locator('#global-search').fill('ØRUM');
    await expect(families.getByRole('link')).toHaveText(['Familien Ørum']);
    await page.locator('#global-search').fill('sørensen');
    await expect(families.getByRole('link')).toHaveText(['Familien Sørensen']);
    await shotBoth(page, '92-soeg-familie');
    await checkA11y(page, '92-soeg-familie');
    await page.keyboard.press('Tab'); // the first hit: the family
    await expect(families.getByRole('link', { name: 'Familien Sørensen' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Familien Sørensen', level: 1 })).toBeVisible();
  } finally {
    await server.stop();
  }
});
