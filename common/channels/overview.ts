import { z } from 'zod';
import { familySummarySchema } from '../families';
import { draftSchema, observationSchema } from '../journal';
import { channel, empty, id, nothing } from './define';

/** The front page, and serious concerns waiting for a leader. */
export const overviewChannels = {
  'overview:front': channel(
    'session',
    empty,
    z.object({ families: z.array(familySummarySchema), pendingConcerns: z.number().int().nullable(), myDrafts: z.array(draftSchema) }),
  ),
  'concerns:pending': channel(['leader', 'admin'], empty, z.array(observationSchema)),
  'concerns:acknowledge': channel(['leader', 'admin'], z.strictObject({ observationId: id, note: z.string().trim().max(1000).optional() }), nothing),
} as const;
