import { expect, test, type Page } from '@playwright/test';
import { checkA11y, copenhagen, copenhagenDay, createFamily, LAPTOP, openHash, setUpQuickly, shotBoth } from './helpers';
import { startServer } from './server';

test.use({ viewport: LAPTOP });

const danish = (iso: string) => iso.split('-').reverse().join('.');

/** Presses keys one at a time and keeps them, so the test can tell how many a note takes. */
function keyboard(page: Page) {
  const pressed: string[] = [];
  return {
    pressed,
    press: async (key: string) => {
      pressed.push(key);
      await page.keyboard.press(key);
    },
    type: async (text: string) => {
      pressed.push(`»${text}«`);
      await page.keyboard.type(text);
    },
  };
}

test('a back-dated note at 18.00 written at 23.15 gets Aften; typed times, the shift by hand and a future time', async ({ page }) => {
  const server = await startServer();
  try {
    // The evening before, at 23.15 (yesterday: the backend's own clock must have passed 18.00 too).
    const writtenAt = copenhagen(-1, 23, 15);
    await page.clock.setFixedTime(writtenAt);
    await setUpQuickly(page, server.url);
    const holm = await createFamily(page, 'Familien Holm', 'Sara Holm');
    await page.reload();
    await openHash(page, `/familier/${holm}/dagbog`);
    await expect(page.getByRole('heading', { name: 'Familien Holm' })).toBeVisible();

    // Keyboard only: Ctrl+N, a category, back to the time, "18", on to the note, Ctrl+Enter, Enter.
    const keys = keyboard(page);
    await keys.press('Control+n');
    const dialog = page.getByRole('dialog', { name: 'Nyt notat' });
    await expect(page.locator('#entry-categoryId')).toBeFocused();
    await expect(page.locator('#entry-shift')).toHaveValue('night'); // 23.15 is the night shift
    await keys.press('ArrowDown');
    await keys.press('Shift+Tab');
    await expect(page.locator('#entry-shift')).toBeFocused();
    await keys.press('Shift+Tab'); // no calendar icon on the way: straight into the time, its text selected
    await expect(page.locator('#entry-observedAt')).toBeFocused();
    await expect(dialog.getByText('Fx 18 · 18.00 · i går 22.40 · 24.11 18.00')).toBeVisible();
    await keys.type('18');
    await expect(dialog.getByTestId('time-read-as')).toHaveText(`= i dag, ${weekday(writtenAt)} ${danish(copenhagenDay(writtenAt))} kl. 18.00`);
    await expect(page.locator('#entry-shift')).toHaveValue('evening');
    await keys.press('Tab');
    await expect(page.locator('#entry-observedAt')).toHaveValue(`${danish(copenhagenDay(writtenAt))} 18.00`);
    await expect(dialog.getByText('Følger tidspunktet.')).toBeVisible();
    await shotBoth(page, '70-nyt-notat-tidspunkt', { fullPage: false });
    await checkA11y(page, '70-nyt-notat-tidspunkt');
    await keys.press('Tab');
    await keys.press('Tab');
    await expect(page.locator('#entry-text')).toBeFocused();
    await keys.type('Sara lagde sig med Liva ved 18-tiden.');
    await keys.press('Control+Enter');
    await expect(dialog.getByText('Underskriv notatet?')).toBeVisible();
    await keys.press('Enter');
    await expect(dialog).toHaveCount(0);
    const entry = page.getByTestId('timeline').getByTestId('entry').filter({ hasText: 'Sara lagde sig' });
    await expect(entry).toContainText('18.00');
    await expect(entry).toContainText('Aften');
    console.log(`Tastetryk for et tilbagedateret notat: ${keys.pressed.join(' ')} (${keys.pressed.length - 2} tryk foruden tid og tekst)`);

    // The shortest note: the category is remembered for the family, the note comes right after it.
    const short = keyboard(page);
    await short.press('Control+n');
    await expect(page.locator('#entry-categoryId')).toBeFocused();
    await expect(page.locator('#entry-categoryId')).not.toHaveValue('');
    await short.press('Tab');
    await expect(page.locator('#entry-text')).toBeFocused();
    await short.type('Liva sover.');
    await short.press('Control+Enter');
    await short.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('timeline').getByTestId('entry')).toHaveCount(2);
    console.log(`Tastetryk for et notat (samme kategori som sidst): ${short.pressed.join(' ')} (${short.pressed.length - 1} tryk foruden teksten)`);
    expect(short.pressed.length - 1).toBe(4);

    // A future time is refused next to the field, before the confirmation — and the draft keeps the text.
    await page.keyboard.press('Control+n');
    await page.locator('#entry-observedAt').fill('i dag 23.50');
    await expect(dialog.getByText('Tidspunktet ligger i fremtiden. Skriv hvornår det skete.', { exact: true })).toBeVisible();
    await page.locator('#entry-text').fill('Skrevet før tid');
    await page.keyboard.press('Control+Enter');
    const summary = dialog.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Tidspunkt: Tidspunktet ligger i fremtiden.');
    await expect(dialog.getByText('Underskriv notatet?')).toHaveCount(0);
    await shotBoth(page, '71-nyt-notat-fremtid', { fullPage: false });
    await checkA11y(page, '71-nyt-notat-fremtid');
    // An unreadable time says how to write it, once the field is left.
    await page.locator('#entry-observedAt').fill('kl. halv syv');
    await page.locator('#entry-observedAt').press('Tab');
    await expect(dialog.getByText('Tidspunktet kan ikke læses. Skriv fx 18, 18.00, i går 22.40 eller 24.11 18.00.', { exact: true })).toBeVisible();
    // Typed digits never run into the year: a date and time in one go.
    await page.locator('#entry-observedAt').fill('i går 22.40');
    await expect(page.locator('#entry-shift')).toHaveValue('evening');
    await page.locator('#entry-observedAt').fill(`${danish(copenhagenDay(writtenAt)).slice(0, 5)} 7.30`);
    await expect(page.locator('#entry-shift')).toHaveValue('day');
    // The shift chosen by hand stays when the time changes.
    await page.locator('#entry-shift').selectOption('night');
    await expect(dialog.getByText('Valgt i hånden.')).toBeVisible();
    await page.locator('#entry-observedAt').fill('14');
    await expect(page.locator('#entry-shift')).toHaveValue('night');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

function weekday(at: Date): string {
  return new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', weekday: 'long' }).format(at);
}
