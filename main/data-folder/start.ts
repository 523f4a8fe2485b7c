import type { BackendOptions } from '../core/backend';
import { fixedDataFolder } from './handlers';
import { moveUserData } from './move-user-data';
import { resolveDataFolder } from './location-file';
import { RelocatingBackend } from './relocating-backend';

export interface WorkstationStart {
  /** --data-dir / FAMILIESPOR_DATA_DIR: used as it is, not changeable at setup. */
  override: string | null;
  /** The folder used when nothing was chosen (the machine-wide folder on the installed Windows app). */
  defaultDataDir: string;
  /** An earlier install's per-user folder (Electron's userData/data), moved to the folder in use when safe. */
  legacyDataDir?: string | null;
}

/**
 * The backend a start opens, for both the Electron shell and browser mode: the folder given at start, else the one
 * chosen at setup (the location file beside the default folder), else the default one — changeable at setup unless
 * given at start. An earlier install's per-user data is moved into it first where that is safe (move-user-data.ts). Throws DataFolderStartError (Danish) when the remembered folder is missing or its file unreadable,
 * and UnsafeLocationError for a network or synchronised folder, before anything is written.
 */
export function startWorkstation(start: WorkstationStart, options: Omit<BackendOptions, 'dataDir' | 'dataFolder'>): RelocatingBackend {
  const folder = resolveDataFolder({ override: start.override, defaultDataDir: start.defaultDataDir });
  const moved = start.override === null && start.legacyDataDir ? moveUserData({ from: start.legacyDataDir, to: folder.dataDir, now: new Date() }) : null;
  return new RelocatingBackend(folder, options, { ...fixedDataFolder, ...moved });
}
