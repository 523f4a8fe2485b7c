import { z } from 'zod';
import { channel } from './define';

/** The institution's server, from a workstation. */
export const serverChannels = {
  /**
   * IT brings the server's database up to this program's version from the login screen, with the database owner's
   * password (typed, never kept). Only when the server's schema is older than this program's.
   */
  'server:upgrade': channel(
    'public',
    z.strictObject({ ownerPassword: z.string().min(1, 'Skriv databaseejerens adgangskode.').max(200, 'Adgangskoden er for lang.') }),
    z.object({ from: z.number().int(), to: z.number().int() }),
  ),
} as const;
