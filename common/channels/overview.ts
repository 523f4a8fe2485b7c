import { z } from 'zod';
import { familySummarySchema } from '../families';
import { draftSchema } from '../journal';
import { channel, empty } from './define';

/** The front page. */
export const overviewChannels = {
  'overview:front': channel(
    'session',
    empty,
    z.object({ families: z.array(familySummarySchema), pendingConcerns: z.number().int().nullable(), myDrafts: z.array(draftSchema) }),
  ),
} as const;
