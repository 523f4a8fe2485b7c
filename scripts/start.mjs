// `npm start`: builds, then opens the Electron app. Where the Electron binary cannot be had (machines that
// cannot download it), it says so and starts the browser mode instead, so the command always opens the app.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const electronDir = path.join('node_modules', 'electron');
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(binary) ? binary : null;
}

let binary = electronBinary();
if (!binary && fs.existsSync(path.join(electronDir, 'install.js')) && !process.env.FAMILIESPOR_BROWSER) {
  console.log('Henter Electron …');
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  binary = electronBinary();
  if (!binary) console.log('Electron kunne ikke hentes.');
}

const args = process.argv.slice(2);
const [command, commandArgs] = binary
  ? [binary, ['.', ...args]]
  : // The app's own data folder, so what is written is there next time too (dev:browser uses a temp folder).
    [process.execPath, ['dist/main/browser-mode.js', '--persistent', ...args]];
if (!binary) console.log('Electron kan ikke starte på denne maskine. Starter browsertilstand i stedet.');
const child = spawn(command, commandArgs, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
