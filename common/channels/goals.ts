import { z } from 'zod';
import { draftContentSchema, observationSchema } from '../journal';
import { idList } from '../fields';
import { goalCreateSchema, goalReviewInputSchema, goalReviseSchema, goalSchema } from '../goals';
import { channel, id } from './define';

/** Udviklingsmål: goals in the parents' own words, their revisions and reviews, and dagbog observations linked to them. */
export const goalChannels = {
  'goals:list': channel('session', z.strictObject({ familyId: id }), z.array(goalSchema)),
  'goals:create': channel('session', goalCreateSchema, goalSchema),
  /** Appends a revision (wording, area, dates, status) with a reason; the goal is never edited. */
  'goals:revise': channel('session', goalReviseSchema, goalSchema),
  /** Appends a review (opfølgning): the staff's score and the parents' own, who took part. */
  'goals:review': channel('session', goalReviewInputSchema, goalSchema),
  /** Links a signed observation to a goal of the same family (links are never removed). */
  'goals:linkObservation': channel('session', z.strictObject({ goalId: id, observationId: id }), goalSchema),
  /** Signs a note (as journal:sign) and links it to goals of its family in the same transaction. */
  'goals:signObservation': channel(
    'session',
    draftContentSchema.extend({ draftId: id.optional(), goalIds: idList('Mål', 20).min(1, 'Vælg mindst ét mål.') }),
    z.object({ observation: observationSchema, goalIds: z.array(z.number().int()) }),
  ),
} as const;
