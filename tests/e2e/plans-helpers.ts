import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** dd.mm.åååå, as the screens show dates. */
export const danishDate = (iso: string) => iso.split('-').reverse().join('.');

/** A field found by its whole label (the required marker * may follow it). */
export const exactField = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*?$`));

/** No serious or critical accessibility violations on what is on screen now (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`),
    `accessibility of ${what}`,
  ).toEqual([]);
}

/**
 * Prints the page to PDF as Chromium prints it, returns the text as laid out (pdftotext -layout), the text in reading
 * order with whitespace collapsed (`flat`, for sentences that wrap in table cells) and the page count, and turns every
 * page into a PNG at 70 dpi under test-output/screens/ (`<name>-1.png`, `<name>-2.png` …) to look at.
 */
export async function printAllPages(page: Page, name: string): Promise<{ text: string; flat: string; pages: number; pngs: string[] }> {
  const dir = path.join('test-output', 'pdf');
  fs.mkdirSync(dir, { recursive: true });
  const pdf = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const flat = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  const screens = path.join('test-output', 'screens');
  fs.mkdirSync(screens, { recursive: true });
  for (const old of fs.readdirSync(screens).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) fs.rmSync(path.join(screens, old));
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(screens, name)]);
  const pngs = fs.readdirSync(screens).filter((f) => new RegExp(`^${name}-\\d+\\.png$`).test(f));
  return { text, flat, pages, pngs };
}

/** Goes to a hash route of the app (#/familier/1/netvaerk) without reloading it. */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
}
