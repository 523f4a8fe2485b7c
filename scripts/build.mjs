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
// The user guide and its pictures, beside the renderer's own files: the Hjælp screen shows them offline (and the
// packaging test finds them in app.asar). Only the guide and PNGs named as the guide names them.
const guideOut = path.join(dist, 'renderer', 'hjaelp');
fs.mkdirSync(path.join(guideOut, 'billeder'), { recursive: true });
fs.copyFileSync(path.join(root, 'docs', 'brugervejledning.md'), path.join(guideOut, 'brugervejledning.md'));
for (const picture of fs.readdirSync(path.join(root, 'docs', 'billeder'))) {
  if (/^[\w-]+\.png$/.test(picture)) fs.copyFileSync(path.join(root, 'docs', 'billeder', picture), path.join(guideOut, 'billeder', picture));
}
console.log('Bygget til dist/');
