import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';

export interface TestServer {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
  /** With `clock: true`: sets the backend's clock to this moment (it runs on from there). */
  setClock: (at: Date) => void;
}

/**
 * Starts `dist/main/browser-mode.js` (the real backend) on a fresh temp data folder and returns its URL. With
 * `{ clock: true }` the backend runs in Copenhagen time with a clock the test can set (test-clock.cjs), for the shift
 * handover, whose notes must be written at one shift and read at a later one.
 */
export async function startServer(env: Record<string, string> = {}, options: { clock?: boolean; dataRoot?: boolean; legacyDataDir?: string } = {}): Promise<TestServer> {
  // `dataRoot`: as the installed app, a default folder `data` in a root that also remembers a folder chosen at setup.
  const root = options.dataRoot ? fs.mkdtempSync(path.join(os.tmpdir(), 'familiespor-e2e-rod-')) : null;
  const dataDir = root ? path.join(root, 'data') : fs.mkdtempSync(path.join(os.tmpdir(), 'familiespor-e2e-'));
  const clockFile = path.join(dataDir, '..', `${path.basename(dataDir)}.clock`);
  const clockEnv: Record<string, string> = options.clock
    ? { NODE_OPTIONS: `--require ${path.resolve(__dirname, 'test-clock.cjs')}`, FAMILIESPOR_TEST_CLOCK: clockFile, TZ: 'Europe/Copenhagen' }
    : {};
  const child: ChildProcess = spawn(process.execPath, ['dist/main/browser-mode.js', ...(root ? ['--data-root', root] : ['--data-dir', dataDir]), ...(options.legacyDataDir ? ['--legacy-data-dir', options.legacyDataDir] : [])], {
    env: { ...process.env, FAMILIESPOR_SCRYPT_N: String(1 << 14), ...clockEnv, ...env },
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
    setClock: (at: Date) => {
      if (!options.clock) throw new Error('startServer({ clock: true }) sets the clock');
      fs.writeFileSync(clockFile, String(at.getTime() - Date.now()));
    },
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
