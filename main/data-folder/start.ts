import type { BackendOptions } from '../core/backend';
import { fixedDataFolder } from './handlers';
import { resolveDataFolder } from './location-file';
import { RelocatingBackend } from './relocating-backend';

export interface WorkstationStart {
  /** --data-dir / FAMILIESPOR_DATA_DIR: used as it is, not changeable at setup. */
  override: string | null;
  /** The folder used when nothing was chosen (the machine-wide folder on the installed Windows app). */
  defaultDataDir: string;
}

/**
 * The backend a start opens, for both the Electron shell and browser mode: the folder given at start, else the one
 * chosen at setup (the location file beside the default folder), else the default one — changeable at setup unless
 * given at start. Throws DataFolderStartError (Danish) when the remembered folder is missing or its file unreadable,
 * and UnsafeLocationError for a network or synchronised folder, before anything is written.
 */
export function startWorkstation(start: WorkstationStart, options: Omit<BackendOptions, 'dataDir' | 'dataFolder'>): RelocatingBackend {
  const folder = resolveDataFolder({ override: start.override, defaultDataDir: start.defaultDataDir });
  return new RelocatingBackend(folder, options, fixedDataFolder);
}
