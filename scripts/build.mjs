// Builds everything into dist/: the renderer (Vite), the main process and browser mode (esbuild), the preload (esbuild).
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // The native driver loads its prebuilt binary from its own folder; electron is provided by the runtime.
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
};

await Promise.all([
  esbuild({ ...common, entryPoints: { 'electron-main': 'main/shell/electron-main.ts', 'browser-mode': 'main/bridge/browser-mode.ts', 'quick-check-worker': 'db/sqlite/quick-check-worker.ts' }, outdir: path.join(dist, 'main') }),
  esbuild({ ...common, entryPoints: { preload: 'preload/preload.ts' }, outdir: path.join(dist, 'preload'), platform: 'browser', target: 'chrome130' }),
]);
await vite({ configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn' });
console.log('Bygget til dist/');
