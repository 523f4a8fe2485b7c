import { z } from 'zod';
import { dateSchema } from '../dates';
import { concerns, draftContentSchema, draftIdSchema, draftSchema, observationSchema, observationTextSchema } from '../journal';
import { channel, empty, id, nothing } from './define';

const categoryLabel = z.string().trim().min(1, 'Skriv kategoriens navn.').max(80, 'Højst 80 tegn.');

/** The dagbog: drafts, signing, amendments, the family timeline, search, and the category list. */
export const journalChannels = {
  'journal:categories': channel('session', empty, z.array(z.object({ id: z.number().int(), label: z.string() }))),
  'journal:saveDraft': channel('session', draftContentSchema.extend({ draftId: draftIdSchema.optional() }), draftSchema),
  'journal:drafts': channel('session', empty, z.array(draftSchema)),
  'journal:discardDraft': channel('session', z.strictObject({ draftId: draftIdSchema }), nothing),
  'journal:sign': channel('session', draftContentSchema.extend({ draftId: id.optional() }), observationSchema),
  'journal:amend': channel(
    'session',
    z.strictObject({
      observationId: id,
      reason: z.string().trim().min(1, 'Skriv hvorfor der rettes.').max(500),
      text: z.string().trim().min(1, 'Skriv rettelsen.').pipe(observationTextSchema),
    }),
    observationSchema,
  ),
  'journal:timeline': channel(
    'session',
    z.strictObject({
      familyId: id,
      categoryId: id.optional(),
      personId: id.optional(),
      authorId: id.optional(),
      concern: z.enum(concerns).optional(),
      from: dateSchema.optional(),
      to: dateSchema.optional(),
      query: z.string().trim().max(200).optional(),
      live: z.boolean().default(false),
      cursor: z.strictObject({ observedAt: z.string().max(40), id }).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.object({ observations: z.array(observationSchema), cursor: z.object({ observedAt: z.string(), id: z.number().int() }).nullable() }),
  ),
  'journal:search': channel(
    'session',
    z.strictObject({
      query: z.string().trim().min(1, 'Skriv noget at søge efter.').max(200),
      /** While typing: the last word matches as a prefix (live suggestions). A submitted search matches whole words. */
      live: z.boolean().default(false),
      familyId: id.optional(),
      beforeId: id.optional(),
      limit: z.number().int().min(1).max(100).default(30),
    }),
    z.object({ hits: z.array(observationSchema), nextBeforeId: z.number().int().nullable() }),
  ),
  'categories:list': channel(['admin'], empty, z.array(z.object({ id: z.number().int(), label: z.string(), active: z.boolean(), inUse: z.number().int() }))),
  'categories:create': channel(['admin'], z.strictObject({ label: categoryLabel }), nothing),
  'categories:update': channel(['admin'], z.strictObject({ categoryId: id, label: categoryLabel, active: z.boolean() }), nothing),
  'categories:move': channel(['admin'], z.strictObject({ categoryId: id, direction: z.enum(['up', 'down']) }), nothing),
} as const;
