import { expect, test, type Page } from '@playwright/test';
import { checkA11y, shotBoth } from './helpers';
import { startServer } from './server';

const ADMIN = { login: 'astrid', password: 'grøn kaffe på bordet' };
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}`));

/** Calls the backend through the page's own bridge (for arranging users quickly); the UI flow is tested elsewhere. */
async function api(page: Page, channel: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ channel, input }) => {
      const token = sessionStorage.getItem('familiespor-token');
      const res = await fetch('./api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ channel, input }) });
      const body = await res.json();
      if (!body.ok) throw new Error(JSON.stringify(body.error));
      return body.value;
    },
    { channel, input },
  );
}

async function login(page: Page, loginName: string, password: string) {
  await field(page, 'Brugernavn').fill(loginName);
  await field(page, 'Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

async function firstLogin(page: Page, loginName: string, temporary: string, own: string) {
  await login(page, loginName, temporary);
  await field(page, 'Nuværende adgangskode').fill(temporary);
  await field(page, 'Ny adgangskode').fill(own);
  await field(page, 'Gentag ny adgangskode').fill(own);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** Ctrl+N, pick a category with the arrow keys (from the top), type the note right after it, optionally raise the concern, Ctrl+Enter, Enter. */
async function logEntryWithKeyboard(page: Page, text: string, options: { categorySteps?: number; concernSteps?: number; screenshot?: string } = {}) {
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Nyt notat' });
  await expect(dialog).toBeVisible();
  await expect(page.locator('#entry-categoryId')).toBeFocused();
  // The last category used in the family is chosen already; Home goes back to the top of the list.
  await page.keyboard.press('Home');
  for (let i = 0; i < (options.categorySteps ?? 1); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab'); // Notat comes right after Kategori
  await expect(page.locator('#entry-text')).toBeFocused();
  await page.keyboard.type(text);
  if (options.concernSteps) {
    await page.keyboard.press('Tab'); // the concern radios
    for (let i = 0; i < options.concernSteps; i++) await page.keyboard.press('ArrowRight');
  }
  if (options.screenshot) await shotBoth(page, options.screenshot);
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByText('Underskriv notatet?')).toBeVisible();
  if (options.screenshot) await shotBoth(page, `${options.screenshot}-underskriv`);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
}

test('staff run a family day from the keyboard; a leader acknowledges a serious concern', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    // Institution and users arranged quickly; setup itself is covered by foundation.spec.ts.
    await api(page, 'setup:create', { institutionName: 'Familiehuset Lærkebo', admin: { name: 'Astrid Ærø', initials: 'AÆ', loginName: ADMIN.login, password: ADMIN.password } });
    await api(page, 'users:create', { name: 'Bo Østergaard', initials: 'BØ', loginName: 'bo', role: 'staff', temporaryPassword: 'midlertidig kode 1' });
    await api(page, 'users:create', { name: 'Lene Leder', initials: 'LL', loginName: 'lene', role: 'leader', temporaryPassword: 'midlertidig kode 2' });
    await api(page, 'session:logout', {});
    await page.reload();

    await firstLogin(page, 'bo', 'midlertidig kode 1', 'bos egen kode 42');
    await page.getByRole('link', { name: 'Familier' }).click();
    await page.getByRole('link', { name: 'Ny familie' }).click();
    await field(page, 'Familiens navn').fill('Familien Sørensen');
    await field(page, 'Henvisende kommune').fill('Odense Kommune');
    await page.locator('#p-name-0').fill('Maja Sørensen');
    await page.locator('#p-cpr-0').fill('010203-1234');
    await page.getByRole('button', { name: 'Tilføj person' }).click();
    await page.locator('#p-name-1').fill('Ufødt barn');
    await page.locator('#p-due-1').fill('2026-12-24');
    await shotBoth(page, '20-ny-familie');
    await checkA11y(page, '20-ny-familie');
    await page.getByRole('button', { name: 'Opret familie' }).click();
    await expect(page.getByRole('heading', { name: 'Familien Sørensen' })).toBeVisible();
    await expect(page.getByTestId('open-family')).toHaveText('Familien Sørensen');
    await expect(page.getByText('010203-••••')).toBeVisible();
    await expect(page.getByText('1234')).toHaveCount(0);
    await shotBoth(page, '21-familie-overblik');
    await checkA11y(page, '21-familie-overblik');
    // Edit a person: the CPR number stays unless it is replaced or removed.
    await page.getByRole('button', { name: 'Redigér Maja Sørensen' }).click();
    await page.getByRole('dialog').getByLabel(/^Navn/).fill('Maja K. Sørensen');
    await page.getByRole('dialog').getByRole('button', { name: 'Gem' }).click();
    await expect(page.getByText('Maja K. Sørensen')).toBeVisible();
    await expect(page.getByText('010203-••••')).toBeVisible();

    await page.getByRole('link', { name: 'Dagbog', exact: true }).click();
    await expect(page.getByText('Der er ingen notater endnu.')).toBeVisible();
    await logEntryWithKeyboard(page, 'Søvnen var urolig i nat, mor stod op tre gange.', { categorySteps: 2, screenshot: '22-nyt-notat' });
    await logEntryWithKeyboard(page, 'Mor og barn havde god øjenkontakt under badet.', { categorySteps: 1 });
    await logEntryWithKeyboard(page, 'Far kom påvirket hjem til aftensmaden.', { categorySteps: 6, concernSteps: 2 });
    // Ctrl+N opens the dialog every time, also when pressed the moment the dialog has left the page: here from the
    // focus event of the dialog handing focus back, before React has run the effects of that render.
    const newEntry = page.getByRole('dialog', { name: 'Nyt notat' });
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Control+n');
      await expect(newEntry).toBeVisible();
      await page.evaluate(() => {
        const onFocus = () => {
          if (document.querySelector('dialog[open]')) return;
          document.removeEventListener('focusin', onFocus, true);
          window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', ctrlKey: true }));
        };
        document.addEventListener('focusin', onFocus, true);
      });
      await page.keyboard.press('Escape');
      await expect(newEntry).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(newEntry).toHaveCount(0);
    }
    const timeline = page.getByTestId('timeline');
    await expect(timeline.getByTestId('entry')).toHaveCount(3);
    await expect(timeline.getByText('Alvorlig bekymring')).toBeVisible();
    await shotBoth(page, '23-dagbog');
    await checkA11y(page, '23-dagbog');

    // A signed entry is locked: correct it with an amendment.
    const first = timeline.getByTestId('entry').filter({ hasText: 'Søvnen var urolig' });
    await first.getByRole('button', { name: 'Tilføj rettelse' }).click();
    await first.getByLabel('Begrundelse').fill('Forkert antal');
    await first.getByLabel('Rettelse', { exact: true }).fill('Mor stod op to gange, ikke tre.');
    await page.keyboard.press('Control+Enter');
    await expect(first.getByText('Begrundelse: Forkert antal')).toBeVisible();
    await shotBoth(page, '24-rettelse');
    await checkA11y(page, '24-rettelse');

    // Filter and search the timeline: the filters fold away behind »Filtre«.
    await page.getByRole('button', { name: 'Filtre' }).click();
    await page.getByLabel('Bekymring').selectOption({ label: 'Alvorlig' });
    await expect(page.getByRole('button', { name: 'Filtre (1)' })).toHaveAttribute('aria-expanded', 'true');
    await expect(timeline.getByTestId('entry')).toHaveCount(1);
    await page.getByLabel('Bekymring').selectOption({ label: 'Alle' });
    await page.getByLabel('Søg i dagbogen').fill('SØVN');
    await expect(timeline.getByTestId('entry')).toHaveCount(1);
    await expect(timeline.locator('mark').first()).toHaveText('Søvnen');
    await shotBoth(page, '25-dagbog-soegning');
    await checkA11y(page, '25-dagbog-soegning');
    await page.getByLabel('Søg i dagbogen').fill('');

    // Search across families (Ctrl+K).
    await page.keyboard.press('Control+k');
    await expect(page.locator('#global-search')).toBeFocused();
    await page.keyboard.type('øjenkontakt');
    await expect(page.getByTestId('search-results').locator('li')).toHaveCount(1);
    await shotBoth(page, '26-soeg');
    await checkA11y(page, '26-soeg');

    // A draft survives closing the window.
    await page.getByRole('link', { name: 'Familier' }).click();
    await page.getByRole('link', { name: 'Familien Sørensen' }).click();
    await page.keyboard.press('Control+n');
    await page.locator('#entry-text').fill('Halvt færdigt notat om amning');
    await expect(page.getByText(/Kladde gemt/)).toBeVisible();
    await page.close();
    const again = await page.context().newPage();
    await again.goto(server.url);
    await expect(again.getByText('Dine kladder')).toBeVisible();
    await expect(again.getByRole('button', { name: /Halvt færdigt notat om amning/ })).toBeVisible();
    await shotBoth(again, '27-forside-kladder');
    await checkA11y(again, '27-forside-kladder');
    await again.getByRole('button', { name: /Halvt færdigt notat om amning/ }).click();
    await expect(again.locator('#entry-text')).toHaveValue('Halvt færdigt notat om amning');
    // Discarding asks once; Annullér keeps the draft open, then the question's own button discards it.
    await again.getByRole('button', { name: 'Kassér kladde' }).click();
    const ask = again.getByRole('dialog', { name: 'Kassér kladden?' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Annullér' }).click();
    await expect(ask).toHaveCount(0);
    await expect(again.locator('#entry-text')).toHaveValue('Halvt færdigt notat om amning');
    await again.getByRole('button', { name: 'Kassér kladde' }).click();
    await again.getByRole('dialog', { name: 'Kassér kladden?' }).getByRole('button', { name: 'Kassér kladde' }).click();
    await expect(again.getByText('Dine kladder')).toHaveCount(0);

    // Locking straight after typing (before the autosave) keeps the last keystrokes too.
    await again.keyboard.press('Control+n');
    await again.locator('#entry-familyId').selectOption({ label: 'Familien Sørensen' });
    await again.locator('#entry-text').fill('Skrevet lige før låsning');
    await again.keyboard.press('Control+l');
    await expect(again.getByText('Familiespor er låst.')).toBeVisible();
    await field(again, 'Adgangskode').fill('bos egen kode 42');
    await again.getByRole('button', { name: 'Log ind' }).click();
    await expect(again.getByRole('button', { name: /Skrevet lige før låsning/ })).toBeVisible();

    // The leader sees the serious concern and acknowledges it.
    await again.getByRole('button', { name: 'Log ud' }).click();
    await firstLogin(again, 'lene', 'midlertidig kode 2', 'ledelsens kode 77');
    const pending = again.getByTestId('pending-concerns');
    await expect(pending.getByText('Far kom påvirket hjem til aftensmaden.')).toBeVisible();
    await expect(again.getByTestId('families').getByText('1 ukvitteret')).toBeVisible();
    await shotBoth(again, '28-leder-forside');
    await checkA11y(again, '28-leder-forside');
    await pending.getByRole('button', { name: 'Kvittér for bekymringen' }).click();
    const ack = again.getByRole('dialog');
    // What was done is required: an action and a note.
    await ack.getByRole('button', { name: 'Kvittér' }).click();
    await expect(ack.getByText('Vælg hvad der er gjort.', { exact: true })).toBeVisible();
    await ack.getByLabel('Talt med familien').check();
    await ack.getByLabel(/^Note om hvad der er gjort/).fill('Talt med mor og far i aften; opfølgning med tovholder i morgen.');
    await shotBoth(again, '28b-kvittering');
    await checkA11y(again, '28b-kvittering');
    await ack.getByRole('button', { name: 'Kvittér' }).click();
    await expect(pending.getByText('Ingen bekymringer venter.')).toBeVisible();
    await expect(again.getByTestId('families').getByText('1 ukvitteret')).toHaveCount(0);
    await again.getByTestId('families').getByRole('link', { name: 'Familien Sørensen' }).click();
    await again.getByRole('link', { name: 'Team', exact: true }).click();
    await expect(again.getByTestId('team')).toContainText('Bo Østergaard');
    await shotBoth(again, '29-team');
    await checkA11y(again, '29-team');
  } finally {
    await server.stop();
  }
});
