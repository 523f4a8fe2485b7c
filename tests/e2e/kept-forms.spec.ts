import { expect, test } from '@playwright/test';
import { ADMIN, api, login, openHash, setUpQuickly } from './helpers';
import { exactField } from './plans-helpers';
import { startServer } from './server';

/**
 * A long plan half written when the screen locks: back after the login, until it is saved or started afresh.
 * (In-app navigation throughout: a page reload empties the renderer's memory, as a restart does.)
 */
test('a half-written sikkerhedsplan survives the lock and leaving the page; "Start forfra" empties it; logging out forgets it', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    const family = await api<{ id: number }>(page, 'families:create', { displayName: 'Familien Holm', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Sara Holm' }] });
    await page.goto(`${server.url}#/familier/${family.id}/netvaerk/sikkerhedsplan`);
    await page.getByRole('link', { name: 'Skriv sikkerhedsplanen' }).click();
    const worry = 'At Sara bliver så træt om natten, at hun ikke kan passe Liva.';
    await exactField(page, 'Bekymring 1').fill(worry);
    await expect(page.getByTestId('kept-notice')).toHaveCount(0);

    // The lock (Ctrl+L), then the same user back.
    await page.keyboard.press('Control+l');
    await expect(page.getByRole('button', { name: 'Log ind' })).toBeVisible();
    await login(page, ADMIN.loginName, ADMIN.password);
    await openHash(page, `/familier/${family.id}/netvaerk/sikkerhedsplan`);
    await page.getByRole('link', { name: 'Skriv sikkerhedsplanen' }).click();
    await expect(exactField(page, 'Bekymring 1')).toHaveValue(worry);
    await expect(page.getByTestId('kept-notice')).toContainText('Det, du skrev sidst, er hentet frem');

    // Start afresh: empty, and not brought back again.
    await page.getByRole('button', { name: 'Start forfra' }).click();
    await expect(exactField(page, 'Bekymring 1')).toHaveValue('');
    await expect(page.getByTestId('kept-notice')).toHaveCount(0);
    await openHash(page, `/familier/${family.id}/overblik`);
    await openHash(page, `/familier/${family.id}/netvaerk/sikkerhedsplan`);
    await page.getByRole('link', { name: 'Skriv sikkerhedsplanen' }).click();
    await expect(exactField(page, 'Bekymring 1')).toHaveValue('');

    // Logging out forgets every kept form (the next user at this computer sees nothing of it).
    await exactField(page, 'Bekymring 1').fill(worry);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await login(page, ADMIN.loginName, ADMIN.password);
    await openHash(page, `/familier/${family.id}/netvaerk/sikkerhedsplan`);
    await page.getByRole('link', { name: 'Skriv sikkerhedsplanen' }).click();
    await expect(exactField(page, 'Bekymring 1')).toHaveValue('');
  } finally {
    await server.stop();
  }
});
