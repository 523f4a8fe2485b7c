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

  it('flips the Electron fuses: no Node mode, no NODE_OPTIONS, no --inspect; encrypted cookies; code only from a checked app.asar', () => {
    const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar and the integrity check only mean something with the app in an asar archive.
    expect(config.asar).toBe(true);
  });

  it('decides every fuse that electron-builder writes (none left at Electron\'s default)', async () => {
    const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
    const { PlatformPackager } = await import('app-builder-lib');
    const { FuseV1Options } = await import('@electron/fuses');
    // The same translation electron-builder does before signing: yml names → @electron/fuses wire positions.
    const wire = (await (PlatformPackager.prototype as unknown as { generateFuseConfig(f: unknown): Promise<Record<string, unknown>> }).generateFuseConfig.call({}, config.electronFuses)) as Record<number, boolean>;
    const positions = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    expect(positions.length).toBeGreaterThanOrEqual(8);
    for (const position of positions) expect(typeof wire[position], `fuse ${FuseV1Options[position]}`).toBe('boolean');
    expect(wire[FuseV1Options.RunAsNode]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(false);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('the driver ships prebuilt binaries for Windows, macOS and Linux (nothing to compile for Electron)', () => {
    const prebuilds = fs.readdirSync(path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds'));
    expect(prebuilds).toEqual(expect.arrayContaining(['win32-x64.node', 'darwin-arm64.node', 'darwin-x64.node', 'linux-x64.node']));
  });
});
