import { z } from 'zod';
import { channel, empty } from './define';

export const serverStatusSchema = z.object({
  host: z.string(),
  database: z.string(),
  /** This workstation's connection is encrypted (pg_stat_ssl for its own backend), and with which protocol. */
  tls: z.boolean(),
  tlsVersion: z.string().nullable(),
  /** PostgreSQL's version, as the server reports it. */
  serverVersion: z.string(),
  /** The newest backup an administrator made from Familiespor (IT's own backups, pg_dump and the like, are not known). */
  lastBackup: z.object({ at: z.string(), by: z.string(), rows: z.number().int(), tables: z.number().int() }).nullable(),
});
export type ServerStatus = z.infer<typeof serverStatusSchema>;

/** What the administrator's screen shows about the institution's server. */
export const serverStatusChannels = {
  'server:status': channel(['admin'], empty, serverStatusSchema),
} as const;
