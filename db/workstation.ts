import path from 'node:path';
import { z } from 'zod';
import { readSmallJson, writeFileAtomic } from './files';

/**
 * This workstation's settings, kept beside the database in a small file with no secrets: what must be known while
 * the database is closed or cannot be opened (where the backups are, to offer a restore from the login screen).
 */
export const WORKSTATION_FILE_NAME = 'familiespor.workstation.json';

const workstationSchema = z.object({
  backupFolder: z.string().max(1000).optional(),
});
export type Workstation = z.infer<typeof workstationSchema>;

export function readWorkstation(dataDir: string): Workstation {
  return workstationSchema.safeParse(readSmallJson(path.join(dataDir, WORKSTATION_FILE_NAME))).data ?? {};
}

export function writeWorkstation(dataDir: string, change: Partial<Workstation>): void {
  writeFileAtomic(path.join(dataDir, WORKSTATION_FILE_NAME), JSON.stringify({ ...readWorkstation(dataDir), ...change }, null, 2));
}
