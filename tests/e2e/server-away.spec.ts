import { expect, test, type Page } from '@playwright/test';
import { prepareInstitution, startPostgres, type TestPostgres } from '../pg';
import { ADMIN, api, checkA11y, isoDay, LAPTOP, login, openHash, shotBoth } from './helpers';
import { exactField } from './plans-helpers';
import { shot, startServer, type TestServer } from './server';

test.use({ viewport: LAPTOP });
test.setTimeout(240_000);

const BENT = { name: 'Bent Berg', initials: 'BB', loginName: 'bent', password: 'blå cykel ved søen 42' };

/** A workstation joined to the server and logged in through the page's own backend (arranging; the UI is the first one). */
async function joinAndLogIn(page: Page, url: string, config: { host: string; port: number; database: string; caCertificate: string }, user: { loginName: string; password: string }) {
  await page.goto(url);
  await api(page, 'setup:connectServer', config);
  await api(page, 'session:login', { loginName: user.loginName, password: user.password });
}

const steps = [
  { title: 'Første dag hjemme', startsOn: isoDay(-10), responsible: { kind: 'other', name: 'Mor' } },
  { title: 'Første weekend', startsOn: isoDay(1), endsOn: isoDay(2), responsible: { kind: 'other', name: 'Mormor' } },
];
/** The plan's input; `keys`: the existing steps' keys (a step without one is a new step), as the editor sends them. */
const plan = (familyId: number, baseVersion: number | null, extra: Array<(typeof steps)[number]> = [], keys: number[] = []) => ({
  familyId,
  baseVersion,
  reason: 'Planen lagt sammen med mor',
  destination: 'own_home',
  targetDate: isoDay(40),
  madeWith: [{ kind: 'other', name: 'Mor' }],
  steps: [...steps.map((s, i) => (keys[i] === undefined ? s : { ...s, key: keys[i] })), ...extra],
  agreements: [],
  support: [],
});

/**
 * Two workstations on the institution's server (an embedded PostgreSQL this test stops and starts): two people save
 * the same udslusningsplan — the second sees the other's version and what it changed, keeps the text and saves it as
 * the next version; a step's status met by another's version keeps the dialog and its text; then the server goes
 * away while a note is written — the banner, the draft kept on this computer, the signing that waits — and comes back:
 * the note is signed by itself, once.
 */
test('Når serveren er væk: planer gemt af to på én gang, et notat der venter på serveren og underskrives én gang', async ({ page, browser }) => {
  const postgres: TestPostgres = await startPostgres();
  const workstations: TestServer[] = [];
  try {
    const { config } = await prepareInstitution(postgres, 'laerkebo', { firstAdmin: ADMIN, institutionName: ADMIN.institution, ownerPassword: 'ejerens lange adgangskode 1' });

    // Astrid's workstation, logged in on screen.
    const first = await startServer();
    workstations.push(first);
    await page.goto(first.url);
    await api(page, 'setup:connectServer', config);
    await page.reload();
    await login(page, ADMIN.loginName, ADMIN.password);
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();
    const family = await api<{ id: number }>(page, 'families:create', { displayName: 'Familien Ærø', startDate: isoDay(-60), persons: [{ kind: 'mother', name: 'Mor Ærø' }] });
    await api(page, 'users:create', { name: BENT.name, initials: BENT.initials, loginName: BENT.loginName, role: 'leader', temporaryPassword: 'midlertidig kode 1' });
    const stepKeys = (await api<{ steps: Array<{ key: number }> }>(page, 'discharge:save', plan(family.id, null))).steps.map((s) => s.key);

    // Bent's workstation: his own backend, on the same server.
    const second = await startServer();
    workstations.push(second);
    const other = await browser.newPage();
    await joinAndLogIn(other, second.url, config, { loginName: BENT.loginName, password: 'midlertidig kode 1' });
    await api(other, 'session:changePassword', { currentPassword: 'midlertidig kode 1', newPassword: BENT.password });

    // --- Two people change the udslusningsplan at once.
    await openHash(page, `/familier/${family.id}/udslusningsplan/rediger`);
    await expect(page.getByRole('heading', { name: 'Ny udgave af udslusningsplanen (efter udgave 1)' })).toBeVisible();
    const astridsText = 'Mor og Liva er hjemme fra kl. 9 til 15, Astrid ringer ved middagstid.';
    await exactField(page.getByRole('group', { name: 'Trin 1' }), 'Hvad der sker').fill(astridsText);
    await exactField(page, 'Hvorfor planen laves eller ændres').fill('Første dag beskrevet');
    // Meanwhile Bent adds a step from his workstation.
    const visit = { title: 'Besøg hos sundhedsplejersken', startsOn: isoDay(5), responsible: { kind: 'other', name: 'Sundhedsplejersken' } };
    await api(other, 'discharge:save', { ...plan(family.id, 1, [visit], stepKeys), reason: 'Sundhedsplejersken med' });
    await page.getByRole('button', { name: 'Gem som ny udgave' }).click();
    const conflict = page.getByTestId('plan-conflict');
    await expect(conflict.getByRole('heading', { name: 'Planen er ændret af en anden, mens du skrev' })).toBeVisible();
    await expect(conflict).toContainText('Bent Berg gemte udgave 2');
    await expect(conflict).toContainText('»Sundhedsplejersken med«');
    await expect(conflict).toBeFocused();
    // What Bent changed, inside the panel, without the comparison page's own title and way back.
    const compare = conflict.getByTestId('discharge-diff');
    await expect(compare.getByTestId('diff-Trin')).toContainText('1 tilføjet');
    await expect(compare.getByTestId('diff-Trin').locator('tr', { hasText: 'Besøg hos sundhedsplejersken' })).toContainText('Tilføjet');
    // Only what changed: the unchanged steps and the lists without changes are left out.
    await expect(compare.getByTestId('diff-Trin').locator('tbody tr')).toHaveCount(1);
    await expect(compare.getByTestId('diff-Aftaler')).toHaveCount(0);
    await expect(conflict.getByRole('link', { name: 'Tilbage til udgaverne' })).toHaveCount(0);
    await expect(conflict.getByRole('heading', { name: /^Udslusningsplanen: udgave/ })).toHaveCount(0);
    // Astrid's text is still in the form.
    await expect(exactField(page.getByRole('group', { name: 'Trin 1' }), 'Hvad der sker')).toHaveValue(astridsText);
    await expect(exactField(page, 'Hvorfor planen laves eller ændres')).toHaveValue('Første dag beskrevet');
    await shotBoth(page, '130-plan-konflikt', { fullPage: false });
    await shot(page, '130-plan-konflikt-hele');
    await checkA11y(page, 'plankonflikt');
    await conflict.getByRole('button', { name: 'Gem min udgave som udgave 3' }).click();
    await expect(page.getByRole('heading', { name: /Udslusningsplan · udgave 3/ })).toBeVisible();
    await expect(page.getByTestId('step-row').first()).toContainText(astridsText);
    const versions = await api<{ currentVersion: number; versions: Array<{ version: number; author: { name: string } }> }>(page, 'discharge:get', { familyId: family.id });
    expect(versions.versions.map((v) => [v.version, v.author.name])).toEqual([
      [1, ADMIN.name],
      [2, BENT.name],
      [3, ADMIN.name],
    ]);

    // --- A step's status while Bent saves another version: the dialog stays with its text and saves on top.
    await page.getByRole('button', { name: 'Gennemført: Første dag hjemme' }).click();
    const statusDialog = page.getByRole('dialog', { name: 'Status for trinnet: Første dag hjemme' });
    await exactField(statusDialog, 'Kort evaluering').fill('Gik godt, Liva sov til middag.');
    const weekendKey = (await api<{ plan: { steps: Array<{ key: number; title: string }> } }>(other, 'discharge:get', { familyId: family.id })).plan.steps.find((s) => s.title === 'Første weekend')?.key;
    await api(other, 'discharge:setStepStatus', { familyId: family.id, baseVersion: 3, stepKey: weekendKey, status: 'cancelled', evaluation: 'Mormor er syg.', reason: null });
    await statusDialog.getByRole('button', { name: 'Gem status' }).click();
    await expect(statusDialog).toContainText('Planen er ændret af Bent Berg, mens du skrev (udgave 4). Din ændring er ikke gemt, men den står stadig her.');
    await expect(statusDialog).toContainText('Tryk »Gem status« igen for at gemme din ændring som udgave 5.');
    await expect(exactField(statusDialog, 'Kort evaluering')).toHaveValue('Gik godt, Liva sov til middag.');
    await shot(page, '131-trin-konflikt', { fullPage: false });
    await checkA11y(page, 'trinstatus efter konflikt');
    await statusDialog.getByRole('button', { name: 'Gem status' }).click();
    await expect(statusDialog).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /Udslusningsplan · udgave 5/ })).toBeVisible();
    await expect(page.getByTestId('step-row').nth(0)).toContainText('Gik godt, Liva sov til middag.');
    await expect(page.getByTestId('step-row').nth(1)).toContainText('Aflyst');

    // --- The server goes away while a note is written.
    await other.close();
    await openHash(page, `/familier/${family.id}/dagbog`);
    await expect(page.getByRole('heading', { name: 'Familien Ærø', level: 1 })).toBeVisible();
    await postgres.halt();
    await expect(page.getByTestId('server-offline')).toContainText('Ingen forbindelse til serveren.', { timeout: 20_000 });
    const text = 'Skrevet mens serveren var væk: Liva sov hele natten, mor var udhvilet til morgenmaden.';
    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog', { name: 'Nyt notat' });
    await expect(dialog).toBeVisible();
    // The list of families cannot come from the server now; the family whose screen is open is still the one chosen.
    await expect(page.locator('#entry-familyId option:checked')).toHaveText('Familien Ærø');
    await page.locator('#entry-categoryId').selectOption({ label: 'Barnets trivsel og udvikling' });
    await page.locator('#entry-text').fill(text);
    // The draft is kept, encrypted, on this computer.
    await expect(dialog.getByText(/^Kladde gemt på denne computer \d{2}\.\d{2}/)).toBeVisible({ timeout: 10_000 });
    await page.keyboard.press('Control+Enter');
    await dialog.getByRole('button', { name: 'Underskriv', exact: true }).click();
    const waiting = dialog.getByTestId('sign-waiting');
    await expect(waiting).toContainText('Venter på serveren.');
    await expect(waiting.getByRole('button', { name: 'Prøv igen' })).toBeVisible();
    await expect(page.locator('#entry-text')).toHaveValue(text);
    await shotBoth(page, '132-notat-venter-paa-serveren', { fullPage: false });
    await checkA11y(page, 'notat venter på serveren');
    // »Prøv igen« while the server is still away: still waiting, nothing lost.
    await waiting.getByRole('button', { name: 'Prøv igen' }).click();
    await expect(waiting).toBeVisible();
    await expect(page.locator('#entry-text')).toHaveValue(text);

    // The server is back: the note is signed by itself, once.
    await postgres.resume();
    await expect(dialog).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('server-offline')).toHaveCount(0);
    const timeline = page.getByTestId('timeline');
    await expect(timeline.getByTestId('entry').filter({ hasText: text })).toHaveCount(1);
    await shotBoth(page, '133-notat-underskrevet-efter-pause');
    const drafts = await api<unknown[]>(page, 'journal:drafts', {});
    expect(drafts).toEqual([]);
    // Once in the family's dagbog as the server holds it, too.
    const read = JSON.stringify(await api(page, 'journal:timeline', { familyId: family.id }));
    expect(read.split('Skrevet mens serveren var væk').length - 1).toBe(1);
  } finally {
    for (const w of workstations) await w.stop();
    await postgres.stop();
  }
});
