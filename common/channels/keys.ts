import { z } from 'zod';
import { channel } from './define';

/** The database's key (administrators). */
export const keyChannels = {
  /**
   * "Skift databasens nøgle": a new data key, sealed to every current login and the recovery code; offered after
   * deactivating a user who left on bad terms. Nobody's password changes.
   */
  'keys:rekey': channel(
    ['admin'],
    z.strictObject({ reason: z.string().trim().min(10, 'Skriv en begrundelse på mindst 10 tegn.').max(300, 'Højst 300 tegn.') }),
    z.object({ durationMs: z.number(), resealed: z.number().int(), revokedUsers: z.array(z.string()) }),
  ),
} as const;
