import { z } from 'zod';
import { timestampSchema } from '../dates';
import { concerns, shifts } from '../journal';
import { channel } from './define';

/** One note as the handover lists it: its first lines, not the whole text. */
export const handoverObservationSchema = z.object({
  id: z.number().int(),
  observedAt: z.string(),
  shift: z.enum(shifts),
  category: z.string().nullable(),
  concern: z.enum(concerns),
  author: z.string(),
  excerpt: z.string(),
  amended: z.boolean(),
});

/** Something due or planned for a family (measurements and goal reviews with progression, plan steps with udslusning). */
export const handoverItemSchema = z.object({ kind: z.enum(['measurement', 'goal_review', 'plan_step']), label: z.string(), date: z.string(), overdue: z.boolean() });
export type HandoverItem = z.infer<typeof handoverItemSchema>;

export const handoverSchema = z.object({
  since: z.string(),
  /** Which shift `since` started, or null for a chosen time. */
  sinceShift: z.enum(shifts).nullable(),
  until: z.string(),
  families: z.array(
    z.object({
      familyId: z.number().int(),
      displayName: z.string(),
      onMyTeam: z.boolean(),
      observations: z.array(handoverObservationSchema),
      pendingConcerns: z.number().int(),
      due: z.array(handoverItemSchema),
      plannedToday: z.array(handoverItemSchema),
    }),
  ),
});
export type Handover = z.infer<typeof handoverSchema>;


/** Vagtoverlevering: what happened since the previous shift began, across the families living at the institution. */
export const handoverChannels = {
  'handover:get': channel('session', z.strictObject({ since: timestampSchema.optional() }), handoverSchema),
} as const;
