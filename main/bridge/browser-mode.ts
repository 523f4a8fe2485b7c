import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataDirOverride, defaultDataDir } from '../../db/location';
import { startWorkstation } from '../data-folder/start';
import { startBridge } from './http-bridge';

/**
 * `npm run dev:browser`: the real backend plus the loopback bridge, for development on machines without an
 * Electron runtime and for the browser tests. Data folder: --data-dir or FAMILIESPOR_DATA_DIR (fixed), else `data` in
 * --data-root, the per-user folder (--persistent) or a fresh temp folder (changeable at setup, as in the installed app);
 * --legacy-data-dir DIR: an earlier per-user install's folder, moved in at start as the Electron shell does with userData.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Operator diagnostics. A closed stdout/stderr pipe (the parent went away) must not take the bridge down. */
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
function diagnose(message: string): void {
  try {
    console.error(message);
  } catch {
    // Nothing else to tell.
  }
}

async function main(): Promise<void> {
  // As the installed app: a default folder `data` in a root that also holds the location file of a folder chosen at
  // setup — the root given by --data-root, the per-user one with --persistent, else a fresh temp folder.
  // --data-dir / FAMILIESPOR_DATA_DIR give a fixed folder (the browser tests), not changeable at setup.
  const override = dataDirOverride(process.argv, process.env);
  const root = override ? path.dirname(path.resolve(override)) : (arg('data-root') ?? (process.argv.includes('--persistent') ? path.dirname(defaultDataDir()) : fs.mkdtempSync(path.join(os.tmpdir(), 'familiespor-browser-'))));
  const idle = Number(process.env.FAMILIESPOR_IDLE_LOCK_MS ?? '');
  const scryptN = Number(process.env.FAMILIESPOR_SCRYPT_N ?? '');
  const backend = startWorkstation({ override, defaultDataDir: path.join(root, 'data'), legacyDataDir: arg('legacy-data-dir') ?? null }, {
    idleLockMsOverride: Number.isFinite(idle) && idle > 0 ? idle : undefined,
    idleCheckMs: Number.isFinite(idle) && idle > 0 ? Math.min(1000, Math.max(100, idle / 4)) : undefined,
    scryptN: Number.isFinite(scryptN) && scryptN > 0 ? scryptN : undefined,
    diagnose,
  });
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  const port = Number(arg('port') ?? process.env.FAMILIESPOR_PORT ?? 0);
  const bridge = await startBridge({ backend, rendererDir, port, diagnose });
  console.log(`Familiespor (browsertilstand) kører. Datamappe: ${backend.dataDir}`);
  console.log(`Åbn: ${bridge.url}`);
  console.log('FAMILIESPOR_URL=' + bridge.url);
  const stop = async () => {
    await bridge.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
