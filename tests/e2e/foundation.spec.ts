import { expect, test, type Page } from '@playwright/test';
import { checkA11y, shotBoth } from './helpers';
import { startServer } from './server';

const ADMIN = { institution: 'Familiehuset Lærkebo', name: 'Astrid Ærø', initials: 'AÆ', login: 'astrid', password: 'grøn kaffe på bordet' };

/** Labels carry a required-marker (*) after the text, so fields are found by label prefix. */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}`));

async function setUpInstitution(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Velkommen – lad os sætte Familiespor op' })).toBeVisible();
  await field(page, 'Institutionens navn').fill(ADMIN.institution);
  await field(page, 'Fulde navn').fill(ADMIN.name);
  await field(page, 'Initialer').fill(ADMIN.initials);
  await field(page, 'Brugernavn').fill(ADMIN.login);
  await field(page, 'Adgangskode').fill(ADMIN.password);
  await field(page, 'Gentag adgangskode').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Opret og fortsæt' }).click();
  const code = (await page.getByTestId('recovery-code').textContent())!.trim();
  expect(code).toMatch(/^([A-Z0-9]{5}-){4}[A-Z0-9]{5}$/);
  return code;
}

async function confirmCode(page: Page, code: string) {
  await page.getByLabel('Jeg har gemt koden et sikkert sted').check();
  await field(page, 'Skriv de to sidste grupper af koden').fill(code.split('-').slice(-2).join('-'));
  await page.getByRole('button', { name: 'Koden er gemt – fortsæt' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

async function login(page: Page, loginName: string, password: string) {
  await field(page, 'Brugernavn').fill(loginName);
  await field(page, 'Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

test('first-run setup, recovery code, login, users and forced password change', async ({ page }) => {
  const server = await startServer();
  try {
    await page.goto(server.url);
    await shotBoth(page, '01-opsaetning');
    await checkA11y(page, '01-opsaetning');
    // Validation on save: Danish messages next to the fields, nothing created.
    // The first click submits (the autofocused empty field's message does not push the button away under the pointer):
    // every problem at once, in a summary that takes the focus, and next to each field.
    await page.getByRole('button', { name: 'Opret og fortsæt' }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Institutionens navn: Institutionens navn skal udfyldes.');
    await expect(summary.locator('li')).toHaveCount(5);
    await expect(page.getByText('Institutionens navn skal udfyldes.', { exact: true })).toBeVisible();
    await summary.getByRole('button', { name: /^Fulde navn:/ }).click();
    await expect(field(page, 'Fulde navn')).toBeFocused();
    await shotBoth(page, '02-opsaetning-fejl');
    await checkA11y(page, '02-opsaetning-fejl');

    const code = await setUpInstitution(page, server.url);
    await shotBoth(page, '03-gendannelseskode');
    await checkA11y(page, '03-gendannelseskode');
    await page.getByLabel('Jeg har gemt koden et sikkert sted').check();
    await field(page, 'Skriv de to sidste grupper af koden').fill('AAAAA-BBBBB');
    await page.getByRole('button', { name: 'Koden er gemt – fortsæt' }).click();
    await expect(page.getByText('Det stemmer ikke med koden. Se efter på papiret, og prøv igen.', { exact: true })).toBeVisible();
    await expect(page.getByTestId('error-summary')).toBeFocused();
    await confirmCode(page, code);
    await expect(page.getByTestId('current-user')).toHaveText('Astrid Ærø · Administrator');
    await expect(page.getByText(ADMIN.institution)).toBeVisible();
    await shotBoth(page, '04-forside');
    await checkA11y(page, '04-forside');

    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page.getByRole('heading', { name: ADMIN.institution })).toBeVisible();
    await shotBoth(page, '05-log-ind');
    await checkA11y(page, '05-log-ind');
    await login(page, ADMIN.login, 'forkert kode her');
    await expect(page.getByRole('alert').filter({ hasText: 'Forkert brugernavn eller adgangskode.' })).toBeVisible();
    await shotBoth(page, '06-log-ind-forkert');
    await checkA11y(page, '06-log-ind-forkert');
    await login(page, ADMIN.login, ADMIN.password);
    await expect(page.getByTestId('current-user')).toBeVisible();

    await page.getByRole('link', { name: 'Brugere' }).click();
    await expect(page).toHaveURL(/#\/admin\/brugere$/);
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog as unknown as Page, 'Fulde navn').fill('Bo Østergaard');
    await field(dialog as unknown as Page, 'Initialer').fill('bø');
    await field(dialog as unknown as Page, 'Brugernavn').fill('bo');
    await dialog.getByLabel('Rolle').selectOption('staff');
    await field(dialog as unknown as Page, 'Midlertidig adgangskode').fill('velkommen til huset');
    await shotBoth(page, '07-opret-bruger');
    await checkA11y(page, '07-opret-bruger');
    await dialog.getByRole('button', { name: 'Opret bruger' }).click();
    await expect(page.getByText('Bo Østergaard er oprettet.')).toBeVisible();
    await expect(page.getByRole('row', { name: /Bo Østergaard/ })).toContainText('Skal skifte adgangskode');
    await shotBoth(page, '08-brugere');
    await checkA11y(page, '08-brugere');

    await page.getByRole('button', { name: 'Log ud' }).click();
    await login(page, 'bo', 'velkommen til huset');
    await expect(page.getByRole('heading', { name: 'Vælg din egen adgangskode' })).toBeVisible();
    await shotBoth(page, '09-skift-adgangskode');
    await checkA11y(page, '09-skift-adgangskode');
    await field(page, 'Nuværende adgangskode').fill('velkommen til huset');
    await field(page, 'Ny adgangskode').fill('mine egne ord i dag');
    await field(page, 'Gentag ny adgangskode').fill('mine egne ord i dag');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('current-user')).toHaveText('Bo Østergaard · Medarbejder');
    // A staff member sees neither Ledelse nor Administration.
    await expect(page.getByRole('link', { name: 'Brugere' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Adgangslog' })).toHaveCount(0);
    await shotBoth(page, '10-medarbejder-forside');
    await checkA11y(page, '10-medarbejder-forside');

    await page.keyboard.press('Control+l');
    await expect(page.getByText('Familiespor er låst.')).toBeVisible();
    await login(page, ADMIN.login, ADMIN.password);
    await page.getByRole('link', { name: 'Adgangslog' }).click();
    const log = page.getByTestId('access-log');
    await expect(log).toContainText('Mislykket login');
    await expect(log).toContainText('Låst');
    await expect(log).toContainText('Oprettet');
    await shotBoth(page, '11-adgangslog');
    await checkA11y(page, '11-adgangslog');
    await page.getByRole('link', { name: 'Indstillinger' }).click();
    await page.getByLabel('Ny kategori').fill('Sundhed');
    await page.getByRole('button', { name: 'Tilføj kategori' }).click();
    await expect(page.getByTestId('categories')).toContainText('Sundhed');
    await shotBoth(page, '14-indstillinger');
    await checkA11y(page, '14-indstillinger');
  } finally {
    await server.stop();
  }
});

test('idle lock returns to the login screen', async ({ page }) => {
  const server = await startServer({ FAMILIESPOR_IDLE_LOCK_MS: '4000' });
  try {
    const code = await setUpInstitution(page, server.url);
    await confirmCode(page, code);
    // No keyboard or mouse for a while: the backend locks and the renderer shows the login screen.
    await expect(page.getByText('Familiespor blev låst, fordi der ikke var aktivitet')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('current-user')).toHaveCount(0);
    await shotBoth(page, '12-laast-efter-inaktivitet');
    await checkA11y(page, '12-laast-efter-inaktivitet');
    // The same person usually comes back: login name filled in, cursor in the password field.
    await expect(field(page, 'Brugernavn')).toHaveValue(ADMIN.login);
    await expect(field(page, 'Adgangskode')).toBeFocused();
    await login(page, ADMIN.login, ADMIN.password);
    await expect(page.getByTestId('current-user')).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('forgot everything: the recovery code gives the administrator a new password', async ({ page }) => {
  const server = await startServer();
  try {
    const code = await setUpInstitution(page, server.url);
    await confirmCode(page, code);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('button', { name: 'Glemt adgangskode?' }).click();
    await page.getByRole('button', { name: 'Brug gendannelseskoden' }).click();
    await field(page, 'Gendannelseskode').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page.getByText('Koden er godkendt.')).toBeVisible();
    await field(page, 'Ny adgangskode').fill('en helt ny sætning');
    await field(page, 'Gentag ny adgangskode').fill('en helt ny sætning');
    await shotBoth(page, '13-gendan-adgang');
    await checkA11y(page, '13-gendan-adgang');
    await page.getByRole('button', { name: 'Gem ny adgangskode' }).click();
    const newCode = (await page.getByTestId('recovery-code').textContent())!.trim();
    expect(newCode).not.toBe(code);
    await confirmCode(page, newCode);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await login(page, ADMIN.login, 'en helt ny sætning');
    await expect(page.getByTestId('current-user')).toBeVisible();
  } finally {
    await server.stop();
  }
});
