import AxeBuilder from '@axe-core/playwright';
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

/** Goes to a hash route of the app (#/familier/1/netvaerk) without reloading it. */
export async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
}
