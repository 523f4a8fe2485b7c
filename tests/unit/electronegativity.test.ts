import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

/**
 * `npm run lint:electron` (scripts/electronegativity.mjs) is a gate, not a report: it must fail on a HIGH or MEDIUM
 * finding and on a weak CSP, though electronegativity itself exits 0. (npm test runs it on the real sources before
 * the unit tests; here it runs on copies of them with one thing broken.)
 */
const root = path.resolve(__dirname, '..', '..');

function copyShell(): string {
  const dir = tempDir('familiespor-eng-');
  for (const source of ['main/shell', 'main/static', 'preload', 'package.json']) {
    fs.cpSync(path.join(root, source), path.join(dir, source), { recursive: true });
  }
  return dir;
}

function gate(dir: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/electronegativity.mjs', '--root', dir], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `${from} in ${file}`).not.toBe(text);
  fs.writeFileSync(file, changed);
}

describe('npm run lint:electron', () => {
  it('fails on MEDIUM findings and a weak CSP, and names them', () => {
    const dir = copyShell();
    const main = path.join(dir, 'main/shell/electron-main.ts');
    // The preload without its reasoned eng-disable, middle click allowed again, and a CSP with inline script.
    edit(main, ' // eng-disable PRELOAD_JS_CHECK', '');
    edit(main, "disableBlinkFeatures: 'Auxclick',", '');
    edit(path.join(dir, 'main/static/csp.ts'), `"script-src 'self'"`, `"script-src 'self' 'unsafe-inline'"`);
    const { status, output } = gate(dir);
    expect(status, output).toBe(1);
    expect(output).toContain('PRELOAD_JS_CHECK');
    expect(output).toContain('AUXCLICK_JS_CHECK');
    expect(output).toMatch(/HIGH\s+script-src 'unsafe-inline'/);
  });

  it('fails on a window without context isolation or sandbox', () => {
    const dir = copyShell();
    const main = path.join(dir, 'main/shell/electron-main.ts');
    edit(main, 'contextIsolation: true,', 'contextIsolation: false,');
    edit(main, 'sandbox: true,', 'sandbox: false,');
    const { status, output } = gate(dir);
    expect(status, output).toBe(1);
    expect(output).toMatch(/HIGH\s+\S+\s+CONTEXT_ISOLATION_JS_CHECK/);
    expect(output).toMatch(/MEDIUM\s+\S+\s+SANDBOX_JS_CHECK/);
  });
});
