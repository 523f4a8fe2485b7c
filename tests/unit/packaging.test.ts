import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';

const root = path.resolve(__dirname, '..', '..');

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", async () => {
    const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    await expect(validateConfiguration(config as never, { add: () => undefined } as never)).resolves.toBeUndefined();
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContain('!dist/main/browser-mode.js*');
  });

  it('the driver ships prebuilt binaries for Windows, macOS and Linux (nothing to compile for Electron)', () => {
    const prebuilds = fs.readdirSync(path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds'));
    expect(prebuilds).toEqual(expect.arrayContaining(['win32-x64.node', 'darwin-arm64.node', 'darwin-x64.node', 'linux-x64.node']));
  });
});
