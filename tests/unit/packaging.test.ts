import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { listPackage, extractFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const root = path.resolve(__dirname, '..', '..');
const MB = 1024 * 1024;
/** Where Electron's fuse wire starts in its binary (@electron/fuses looks for it; not exported from its index). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

type FileSet = { from?: string; to?: string; filter?: string[] };
type Config = Record<string, unknown> & {
  files: (string | FileSet)[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  win: { files: FileSet[]; icon: string; target: { target: string; arch: string[] }[] };
  nsis: Record<string, unknown>;
  linux: { files: FileSet[]; icon: string; target: { target: string; arch: string[] }[] };
};
const readConfig = (): Config => load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", async () => {
    const config = readConfig();
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    await expect(validateConfiguration(config as never, { add: () => undefined } as never)).resolves.toBeUndefined();
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContain('!dist/main/browser-mode.js*');
  });

  it('flips the Electron fuses: no Node mode, no NODE_OPTIONS, no --inspect; encrypted cookies; code only from a checked app.asar', () => {
    const config = readConfig();
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

  it("decides every fuse that electron-builder writes (none left at Electron's default)", async () => {
    const config = readConfig();
    const { PlatformPackager } = await import('app-builder-lib');
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

  it('Windows: a Danish NSIS installer for the whole machine, with desktop and start-menu shortcuts and the data-folder script', () => {
    const config = readConfig();
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      language: '1030',
      installerLanguages: ['da_DK'],
      multiLanguageInstaller: false,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      include: 'build/installer.nsh',
      deleteAppDataOnUninstall: false,
    });
    const script = fs.readFileSync(path.join(root, 'build', 'installer.nsh'), 'utf8');
    expect(script).toContain('!macro customInstall');
    // BUILTIN\Users by its well-known SID (the group's name is translated on Danish Windows), inherited, modify.
    expect(script).toMatch(/icacls "\$1\\Familiespor" \/grant \*S-1-5-32-545:\(OI\)\(CI\)M/);
    expect(config.fileAssociations).toBeUndefined();
    expect(config.linux.target.map((t) => t.target)).toEqual(['deb', 'AppImage']);
  });

  it('has an app icon in every size the installers use', () => {
    const config = readConfig();
    const ico = fs.readFileSync(path.join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon resource
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (let i = 0; i < sizes.length; i++) {
      const offset = ico.readUInt32LE(6 + 16 * i + 12);
      expect(ico.subarray(offset, offset + 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    }
    const pngs = fs.readdirSync(path.join(root, config.linux.icon)).sort((a, b) => parseInt(a) - parseInt(b));
    expect(pngs).toEqual(['16x16.png', '24x24.png', '32x32.png', '48x48.png', '64x64.png', '128x128.png', '256x256.png', '512x512.png']);
  });

  it('Windows (cannot be packaged here): its file patterns keep only the Windows x64 binary of the driver, unpacked', async () => {
    const config = readConfig();
    const { FileMatcher } = await import('app-builder-lib/out/fileMatcher.js');
    const prebuildsDir = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds');
    const all = fs.readdirSync(prebuildsDir);
    const x64 = (pattern: string): string => pattern.replace('${arch}', 'x64');
    const stat = (file: string) => fs.statSync(path.join(prebuildsDir, file));
    // The shared patterns drop every prebuilt binary from the driver's package (node_modules get "**/*" and the
    // excludes of `files`, as in electron-builder's getNodeModuleFileMatcher) …
    const excludes = config.files.filter((f): f is string => typeof f === 'string' && f.startsWith('!'));
    const modules = new FileMatcher(root, '/out', x64, ['**/*', ...excludes]).createFilter();
    expect(all.filter((file) => modules(path.join(prebuildsDir, file), stat(file)))).toEqual([]);
    const driverIndex = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'lib', 'index.js');
    expect(modules(driverIndex, fs.statSync(driverIndex))).toBe(true);
    // … and the Windows section copies its own one back (the same mechanism the Linux run below proves).
    expect(config.win.files).toHaveLength(1);
    const set = config.win.files[0] ?? {};
    expect(set.to).toBe(set.from);
    const copy = new FileMatcher(path.join(root, set.from ?? ''), '/out', x64, set.filter).createFilter();
    const copied = all.filter((file) => copy(path.join(prebuildsDir, file), stat(file)));
    expect(copied).toEqual(['win32-x64.node']);
    const unpack = new FileMatcher(root, '/out', x64, config.asarUnpack).createFilter();
    expect(copied.filter((file) => unpack(path.join(prebuildsDir, file), stat(file)))).toEqual(['win32-x64.node']);
  });
});

/**
 * A stand-in for the Electron binary (which this machine cannot download): just Electron's fuse wire, the sentinel,
 * version 1, the wire's length and one '0'/'1' byte per fuse, so electron-builder's fuse step has something to flip.
 */
function standInElectron(dir: string): void {
  const wire = Buffer.alloc(Object.values(FuseV1Options).filter((v) => typeof v === 'number').length, '0');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, wire.length]), wire]), { mode: 0o755 });
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join('/'));
}

describe('the Linux package, built here offline with a stand-in Electron', () => {
  let tmp = '';
  let resources = '';
  let executable = '';

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'familiespor-pakke-'));
    standInElectron(path.join(tmp, 'electron'));
    const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules', 'electron-builder', 'cli.js'),
        '--dir', '--linux', '--config', 'electron-builder.yml',
        `-c.electronDist=${path.join(tmp, 'electron')}`, `-c.electronVersion=${electronVersion}`, `-c.directories.output=${path.join(tmp, 'out')}`,
      ],
      { cwd: root, stdio: 'pipe', env: { ...process.env, CI: 'true' } },
    );
    resources = path.join(tmp, 'out', 'linux-unpacked', 'resources');
    executable = path.join(tmp, 'out', 'linux-unpacked', 'familiespor');
  }, 180_000);

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('holds the main, preload and renderer bundles and nothing else of ours: no sources, maps, tests or browser-mode bridge', () => {
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/^[\\/]/, '').split(path.sep).join('/'));
    const asarFiles = files.filter((f) => !files.some((other) => other.startsWith(`${f}/`)));
    expect(asarFiles).toEqual(expect.arrayContaining(['package.json', 'dist/main/electron-main.js', 'dist/main/quick-check-worker.js', 'dist/preload/preload.js', 'dist/renderer/index.html']));
    expect(asarFiles.filter((f) => f.startsWith('dist/renderer/assets/')).length).toBeGreaterThan(0);
    const ours = asarFiles.filter((f) => !f.startsWith('node_modules/'));
    expect(ours.every((f) => f === 'package.json' || /^dist\/(main\/(electron-main|quick-check-worker)\.js|preload\/preload\.js|renderer\/(index\.html|assets\/[\w-]+\.(js|css)|hjaelp\/(brugervejledning\.md|billeder\/[\w-]+\.png)))$/.test(f)), ours.join('\n')).toBe(true);
    // The user guide and every picture it shows, for the Hjælp screen (offline, from the archive itself).
    const guide = extractFile(path.join(resources, 'app.asar'), 'dist/renderer/hjaelp/brugervejledning.md').toString('utf8');
    expect(guide).toBe(fs.readFileSync(path.join(root, 'docs', 'brugervejledning.md'), 'utf8'));
    const pictures = [...guide.matchAll(/\]\((billeder\/[\w-]+\.png)\)/g)].map((m) => `dist/renderer/hjaelp/${m[1] ?? ''}`);
    expect(pictures.length).toBeGreaterThan(10);
    expect(asarFiles).toEqual(expect.arrayContaining(pictures));
    expect(files.filter((f) => /\.(map|ts|tsx|mts)$|browser-mode|(^|\/)tests?\//.test(f))).toEqual([]);
    // Of node_modules only the cipher driver's JavaScript, licence and package.json (its binary is unpacked, below).
    const modules = asarFiles.filter((f) => f.startsWith('node_modules/'));
    expect(modules.every((f) => /^node_modules\/better-sqlite3-multiple-ciphers\/(LICENSE|package\.json|lib\/[\w/-]+\.js|prebuilds\/linux-x64\.node)$/.test(f)), modules.join('\n')).toBe(true);
    const packaged = JSON.parse(extractFile(path.join(resources, 'app.asar'), 'package.json').toString('utf8')) as { main: string };
    expect(packaged.main).toBe('dist/main/electron-main.js');
    console.info(`app.asar: ${asarFiles.length} filer`);
  });

  it("main needs at run time only Electron and the cipher driver (pg's optional native client is never loaded)", () => {
    const main = extractFile(path.join(resources, 'app.asar'), 'dist/main/electron-main.js').toString('utf8');
    const required = new Set([...main.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? '').filter((m) => !m.startsWith('.') && !isBuiltin(m)));
    expect([...required].sort()).toEqual(['better-sqlite3-multiple-ciphers', 'electron', 'pg-native']);
  });

  it("unpacks only Linux x64's native binary of the driver", () => {
    expect(filesUnder(path.join(resources, 'app.asar.unpacked'))).toEqual(['node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node']);
  });

  it('is under 10 MB before Electron itself', () => {
    const unpacked = path.join(resources, 'app.asar.unpacked');
    const bytes = fs.statSync(path.join(resources, 'app.asar')).size + filesUnder(unpacked).reduce((sum, f) => sum + fs.statSync(path.join(unpacked, f)).size, 0);
    console.info(`app.asar + app.asar.unpacked: ${(bytes / MB).toFixed(1)} MB`);
    expect(bytes).toBeLessThan(10 * MB);
  });

  it('the packaged executable carries the fuses electron-builder set', async () => {
    const wire = await getCurrentFuseWire(executable);
    // Each fuse is one byte on the wire: '1' on, '0' off (FuseState in @electron/fuses, not exported from its index).
    const on = '1'.charCodeAt(0);
    const off = '0'.charCodeAt(0);
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(off);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
  });
});
