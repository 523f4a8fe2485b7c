import { z } from 'zod';
import { channel } from './define';

export const exportFileSchema = z.object({ fileName: z.string(), mediaType: z.enum(['text/csv', 'application/json']), content: z.string() });

/**
 * Evalueringsudtræk (VIVE): a pseudonymised data set of closed (and optionally current) families. CSV files and a
 * JSON codebook as texts, for the screen to save; no names, CPR numbers, free text or exact dates.
 */
export const evaluationChannels = {
  'evaluation:export': channel(
    ['leader', 'admin'],
    z.strictObject({ includeCurrent: z.boolean().default(false) }),
    z.object({ familyCount: z.number().int(), files: z.array(exportFileSchema) }),
  ),
} as const;
