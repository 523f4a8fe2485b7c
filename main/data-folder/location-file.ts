import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readSmallJson, writeFileAtomic } from '../../db/files';

/**
 * The data folder chosen at setup, remembered in a small file with no secrets OUTSIDE the data folder: beside the
 * default data folder, in its parent (on the installed Windows app %ProgramData%\Familiespor\familiespor.location.json,
 * which the installer lets the workstation's users write; on Linux ~/.config/Familiespor/). Read at every start
 * before anything is opened, so the next start finds the database where it was put.
 */
export const LOCATION_FILE_NAME = 'familiespor.location.json';

const locationSchema = z.object({ version: z.literal(1), dataDir: z.string().min(1).max(1000), chosenAt: z.string().max(40) });

export function locationFileFor(defaultDataDir: string): string {
  return path.join(path.dirname(path.resolve(defaultDataDir)), LOCATION_FILE_NAME);
}

/** A start that cannot go on: the message is Danish and shown as it is (a dialog in Electron, the console in browser mode). */
export class DataFolderStartError extends Error {}

/** The remembered folder; null when nothing was chosen. A file that is there but unreadable stops the start. */
export function readLocationFile(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  const parsed = locationSchema.safeParse(readSmallJson(file));
  if (!parsed.success) throw new DataFolderStartError(`Filen ${file}, der fortæller, hvor Familiespors data ligger, kan ikke læses. Kontakt jeres IT-ansvarlige.`);
  return parsed.data.dataDir;
}

export function writeLocationFile(file: string, dataDir: string, now: Date): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, JSON.stringify({ version: 1, dataDir: path.resolve(dataDir), chosenAt: now.toISOString() }, null, 2), 0o644);
}

export interface DataFolderStart {
  /** The folder this start opens. */
  dataDir: string;
  /** Where a folder chosen at setup is remembered; null when the folder is given at start and cannot be changed. */
  locationFile: string | null;
}

/**
 * Which folder this start opens: a folder given at start (--data-dir, FAMILIESPOR_DATA_DIR) is used as it is and is
 * not changeable at setup; otherwise the folder remembered in the location file beside the default folder, else the
 * default folder. A remembered folder that is not there (a drive not attached) stops the start rather than showing
 * an empty setup screen, where a second institution could be created by mistake.
 */
export function resolveDataFolder(input: { override: string | null; defaultDataDir: string }): DataFolderStart {
  if (input.override) return { dataDir: input.override, locationFile: null };
  const locationFile = locationFileFor(input.defaultDataDir);
  const remembered = readLocationFile(locationFile);
  if (remembered === null) return { dataDir: input.defaultDataDir, locationFile };
  if (!fs.existsSync(remembered)) {
    throw new DataFolderStartError(`Familiespors datamappe ${remembered} findes ikke. Er drevet tilsluttet? Intet er ændret. Kontakt jeres IT-ansvarlige, hvis mappen er flyttet.`);
  }
  return { dataDir: remembered, locationFile };
}
