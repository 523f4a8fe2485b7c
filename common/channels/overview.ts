import { z } from 'zod';
import { familySummarySchema } from '../families';
import { draftSchema } from '../journal';
import { channel, empty } from './define';

/** The front page. */
export const overviewChannels = {
  'overview:front': channel(
    'session',
    empty,
    z.object({
      families: z.array(familySummarySchema),
      pendingConcerns: z.number().int().nullable(),
      myDrafts: z.array(draftSchema),
      /** For leaders and administrators: no good backup for two days, or the backup folder cannot be used. */
      backupWarning: z.string().nullable(),
    }),
  ),
} as const;
