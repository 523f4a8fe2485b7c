import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';

/** Starts `dist/main/browser-mode.js` (the real backend) on a fresh temp data folder and returns its URL. */
export async function startServer(env: Record<string, string> = {}): Promise<{ url: string; dataDir: string; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'familiespor-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['dist/main/browser-mode.js', '--data-dir', dataDir], {
    env: { ...process.env, FAMILIESPOR_SCRYPT_N: String(1 << 14), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${stderr}`)), 20_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /FAMILIESPOR_URL=(\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code}): ${stderr}`)));
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const shotDir = path.join('test-output', 'screens');
/** A screenshot under test-output/screens/; the whole page, or only the window (`fullPage: false`, for open dialogs). */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(shotDir, { recursive: true });
  await page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: options.fullPage ?? true });
}
