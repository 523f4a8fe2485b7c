import path from 'node:path';
import { z } from 'zod';
import { readSmallJson, writeFileAtomic } from './files';
import { serverConfigSchema } from './postgres/connect';

/**
 * This workstation's settings, kept beside the database in a small file with no secrets: what must be known while
 * the database is closed or cannot be opened (where the backups are, to offer a restore from the login screen; which
 * server to use, when the institution's server holds the data).
 */
export const WORKSTATION_FILE_NAME = 'familiespor.workstation.json';

const workstationSchema = z.object({
  backupFolder: z.string().max(1000).optional(),
  /** "Institutionens server": where it is and its CA certificate. Absent: this computer's encrypted file. */
  server: serverConfigSchema.optional(),
  /** The server's institution name and database id, as last seen (shown before login; the anchor is kept per id). */
  serverInstitutionName: z.string().max(200).optional(),
  serverDatabaseId: z.string().max(60).optional(),
  /**
   * This computer's database was moved onto this server (move:run): the workstation uses the server from the end of
   * the session that moved it (or the next start), so nobody goes on writing in the file left behind.
   */
  movedToServer: serverConfigSchema.optional(),
});
export type Workstation = z.infer<typeof workstationSchema>;

export function readWorkstation(dataDir: string): Workstation {
  return workstationSchema.safeParse(readSmallJson(path.join(dataDir, WORKSTATION_FILE_NAME))).data ?? {};
}

export function writeWorkstation(dataDir: string, change: Partial<Workstation>): void {
  writeFileAtomic(path.join(dataDir, WORKSTATION_FILE_NAME), JSON.stringify({ ...readWorkstation(dataDir), ...change }, null, 2));
}
