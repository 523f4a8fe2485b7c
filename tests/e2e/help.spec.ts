import { expect, test } from '@playwright/test';
import { checkA11y, createFamily, LAPTOP, openHash, setUpQuickly } from './helpers';
import { shot, startServer } from './server';

test.use({ viewport: LAPTOP });

test('the ? dialog on a family\'s dagbog opens the user guide in the app at the Dagbog section, pictures and all', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    const family = await createFamily(page, 'Familien Holm', 'Sara Holm');
    await page.reload();
    await openHash(page, `#/familier/${family}/dagbog`);
    await expect(page.getByRole('heading', { name: 'Familien Holm' })).toBeVisible();
    await page.locator('body').press('?');
    const dialog = page.getByRole('dialog', { name: 'Tastaturgenveje' });
    await expect(dialog).toBeVisible();
    const sections = dialog.getByRole('list', { name: 'Afsnit i brugervejledningen om denne skærm' });
    await expect(sections.getByRole('link')).toHaveText(['5. Dagbogen: notater i det daglige', '6. Alvorlige bekymringer og underretninger']);
    await shot(page, '150-hjaelp-dialog', { fullPage: false });
    // By keyboard: Tab to the section's link and Enter.
    const link = sections.getByRole('link', { name: '5. Dagbogen: notater i det daglige' });
    await link.focus();
    await page.keyboard.press('Enter');

    await expect(dialog).toBeHidden();
    expect(new URL(page.url()).hash).toBe('#/hjaelp/dagbog');
    const heading = page.getByRole('heading', { level: 2, name: '5. Dagbogen: notater i det daglige' });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    // The guide's own picture of the screen, served from the app's files (no network).
    const picture = page.getByRole('img', { name: /nyt notat/i }).first();
    await picture.scrollIntoViewIfNeeded();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await heading.scrollIntoViewIfNeeded();
    await shot(page, '151-hjaelp-dagbog', { fullPage: false });
    await checkA11y(page, '151-hjaelp-dagbog');

    // A link inside the guide goes to its section; Hjælp in the navigation opens it from the top.
    await page.getByRole('link', { name: 'Sikkerhedskopier og gendannelse (administrator)' }).first().click();
    await expect(page.getByRole('heading', { level: 2, name: '12. Sikkerhedskopier og gendannelse (administrator)' })).toBeFocused();
    await page.getByRole('navigation').getByRole('link', { name: 'Hjælp' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Brugervejledning til Familiespor' })).toBeInViewport();
  } finally {
    await server.stop();
  }
});
