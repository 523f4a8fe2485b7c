import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { shot } from './server';

export const ADMIN = { institution: 'Familiehuset Lærkebo', name: 'Astrid Ærø', initials: 'AÆ', loginName: 'astrid', password: 'grøn kaffe på bordet' };

/** Labels carry a required-marker (*) after the text, so fields are found by label prefix. */
export const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label}`));

/** Calls the backend through the page's own bridge (for arranging data quickly); the UI flow is what the tests check. */
export async function api<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const token = sessionStorage.getItem('familiespor-token');
      const res = await fetch('./api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ channel, input }) });
      const body = await res.json();
      if (!body.ok) throw new Error(JSON.stringify(body.error));
      return body.value;
    },
    { channel, input },
  ) as Promise<T>;
}

/** The setup screen filled in with the institution and its administrator, and submitted (the recovery code is next). */
export async function submitSetup(page: Page): Promise<void> {
  await field(page, 'Institutionens navn').fill(ADMIN.institution);
  await field(page, 'Fulde navn').fill(ADMIN.name);
  await field(page, 'Initialer').fill(ADMIN.initials);
  await field(page, 'Brugernavn').fill(ADMIN.loginName);
  await field(page, 'Adgangskode').fill(ADMIN.password);
  await field(page, 'Gentag adgangskode').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Opret og fortsæt' }).click();
}

/** The institution with its administrator (logged in afterwards), without going through the setup screens. */
export async function setUpQuickly(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await api(page, 'setup:create', { institutionName: ADMIN.institution, admin: { name: ADMIN.name, initials: ADMIN.initials, loginName: ADMIN.loginName, password: ADMIN.password } });
}

/** A family with one mother, created by whoever is logged in (who becomes its tovholder). */
export async function createFamily(page: Page, displayName: string, mother: string): Promise<number> {
  const family = await api<{ id: number }>(page, 'families:create', { displayName, startDate: '2026-01-05', persons: [{ kind: 'mother', name: mother }] });
  return family.id;
}

export async function login(page: Page, loginName: string, password: string) {
  await field(page, 'Brugernavn').fill(loginName);
  await field(page, 'Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('button', { name: 'Log ind' })).toBeVisible();
}

/** The first login with a temporary password, straight through choosing one's own (Ctrl+Enter). */
export async function firstLogin(page: Page, loginName: string, temporary: string, own: string) {
  await login(page, loginName, temporary);
  await field(page, 'Nuværende adgangskode').fill(temporary);
  await field(page, 'Ny adgangskode').fill(own);
  await field(page, 'Gentag ny adgangskode').fill(own);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** yyyy-MM-dd of today plus `days`, in local time (the browser runs in Europe/Copenhagen). */
export function isoDay(days = 0): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Prints the page to PDF as Chromium prints it (print media, the page's own @page size), with the text and page count. */
export async function printToPdf(page: Page, name: string): Promise<{ text: string; pages: number; png: string }> {
  const dir = path.join('test-output', 'pdf');
  fs.mkdirSync(dir, { recursive: true });
  const pdf = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  for (const tool of ['pdftotext', 'pdfinfo', 'pdftoppm']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is missing: install poppler-utils (apt-get install poppler-utils)`, { cause: err });
    }
  }
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  // Page 1 as a small PNG beside the screenshots, to look at.
  const pngBase = path.join('test-output', 'screens', `${name}-side1`);
  fs.mkdirSync(path.dirname(pngBase), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, pngBase]);
  return { text, pages, png: `${pngBase}.png` };
}

/** The common laptop screen (1366×768) and a full-HD screen: new screens are looked at in both. */
export const LAPTOP = { width: 1366, height: 768 };
const FULL_HD = { width: 1920, height: 1080 };

/** Screenshots at 1366×768 (`name`) and 1920×1080 (`name-1920`); the window is left at 1366×768. */
export async function shotBoth(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.setViewportSize(LAPTOP);
  await shot(page, name, options);
  await page.setViewportSize(FULL_HD);
  await shot(page, `${name}-1920`, options);
  await page.setViewportSize(LAPTOP);
}

/** Moderate axe rules that still fail a screen: the headings' order and the landmarks a screen reader navigates by. */
const STRICT_MODERATE = new Set(['heading-order', 'page-has-heading-one', 'region', 'landmark-one-main']);
const strict = (id: string) => STRICT_MODERATE.has(id) || id.startsWith('landmark-');

/**
 * axe-core over the screen as it is now: fails on serious and critical violations, and on the moderate ones about
 * heading order and landmarks. The message names the rule, the screen and the first elements, so a failure says what
 * to fix.
 */
export async function checkA11y(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const failing = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || strict(v.id));
  const report = failing.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`).join('\n')}`);
  expect(report, `axe: ${screen}`).toEqual([]);
}

/** The moment it is `hh.mm` in Copenhagen (the browser's time zone), `days` days from today there. */
export function copenhagen(days: number, hh: number, mm = 0): Date {
  const parts = (d: Date) =>
    Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    ) as Record<string, string>;
  const today = parts(new Date());
  const wall = Date.UTC(Number(today.year), Number(today.month) - 1, Number(today.day) + days, hh, mm);
  // The zone's offset at that moment (winter +1, summer +2): the wall time read back in Copenhagen, less the guess.
  const seen = parts(new Date(wall));
  const offset = Date.UTC(Number(seen.year), Number(seen.month) - 1, Number(seen.day), Number(seen.hour), Number(seen.minute)) - wall;
  return new Date(wall - offset);
}

/** yyyy-MM-dd of a moment in Copenhagen. */
export function copenhagenDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(at);
}

/** Opens a screen by its address (#/familier/12/dagbog), as a link would. */
export async function openHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

/** A signed note, written through the backend (arranging data; the dialog is tested by itself). */
export async function signNote(page: Page, familyId: number, text: string, observedAt: Date, options: { shift?: 'day' | 'evening' | 'night'; concern?: 'none' | 'mild' | 'serious' } = {}): Promise<{ id: number; observedAt: string }> {
  const categories = await api<Array<{ id: number }>>(page, 'journal:categories', {});
  return api(page, 'journal:sign', {
    familyId,
    observedAt: observedAt.toISOString(),
    shift: options.shift ?? 'day',
    categoryId: categories[0]!.id,
    personIds: [],
    text,
    concern: options.concern ?? 'none',
  });
}
