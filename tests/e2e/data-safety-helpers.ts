import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { api } from './helpers';

/** The browser tests of data safety (sikkerhedskopier, gendannelse, sletning, hostile text): what they share. */
export const DB_FILE = 'familiespor.db';
export const dateTime = /\d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2}/;

/** axe-core over the whole page (WCAG 2.x A and AA): no violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export async function firstCategory(page: Page): Promise<number> {
  const categories = await api<Array<{ id: number }>>(page, 'journal:categories', {});
  const first = categories[0];
  if (!first) throw new Error('no categories');
  return first.id;
}

/** A signed note a minute ago. */
export async function note(page: Page, familyId: number, categoryId: number, text: string): Promise<void> {
  await api(page, 'journal:sign', { familyId, observedAt: new Date(Date.now() - 60_000).toISOString(), shift: 'day', categoryId, personIds: [], text, concern: 'none' });
}

export async function family(page: Page, displayName: string, startDate = '2026-01-05'): Promise<number> {
  return (await api<{ id: number }>(page, 'families:create', { displayName, startDate, persons: [{ kind: 'mother', name: `Mor i ${displayName}` }] })).id;
}

/** Logs out through the bridge and shows the login screen. */
export async function toLoginScreen(page: Page): Promise<void> {
  await api(page, 'session:logout', {});
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log ind' })).toBeVisible();
}

export async function openDagbog(page: Page, displayName: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Familier' }).click();
  await page.getByRole('link', { name: displayName }).click();
  await page.getByRole('link', { name: 'Dagbog', exact: true }).click();
}

/** The backup folder (the first entry's directory) named by `backups:status`. */
export async function newestBackupDir(page: Page): Promise<string> {
  const status = await api<{ folder: string; backups: Array<{ id: string }> }>(page, 'backups:status', {});
  return path.join(status.folder, status.backups[0]?.id ?? '');
}

/** Noise in the middle of every page after the first (each page is authenticated, so this is noticed). */
export function garble(file: string, from = 1): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  for (let pageNo = from; pageNo * 4096 < size; pageNo++) fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, pageNo * 4096 + 1000);
  fs.closeSync(fd);
}
