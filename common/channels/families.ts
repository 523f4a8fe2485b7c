import { z } from 'zod';
import { dateSchema } from '../dates';
import { birthDateSchema, familyDetailSchema, familyFieldsSchema, familySummarySchema, outcomes, personInputSchema, phases } from '../families';
import { channel, id } from './define';

/** Families (forløb) and their persons. */
export const familyChannels = {
  'families:list': channel('session', z.strictObject({ includeClosed: z.boolean().default(false) }), z.array(familySummarySchema)),
  'families:get': channel('session', z.strictObject({ familyId: id }), familyDetailSchema),
  'families:create': channel(
    'session',
    familyFieldsSchema.extend({
      phase: z.enum(phases).default('intake'),
      persons: z.array(personInputSchema).min(1, 'Tilføj mindst én person.').max(20),
    }),
    familyDetailSchema,
  ),
  'families:update': channel('session', familyFieldsSchema.extend({ familyId: id }), familyDetailSchema),
  'families:changePhase': channel('session', z.strictObject({ familyId: id, phase: z.enum(phases), fromDate: dateSchema }), familyDetailSchema),
  'families:close': channel(
    ['leader', 'admin'],
    z.strictObject({
      familyId: id,
      endDate: dateSchema,
      outcome: z.enum(outcomes, { error: 'Vælg hvordan forløbet sluttede.' }),
      outcomeNote: z.string().trim().max(2000).optional().transform((v) => (v ? v : null)),
    }),
    familyDetailSchema,
  ),
  'persons:add': channel('session', personInputSchema.safeExtend({ familyId: id }), familyDetailSchema),
  'persons:update': channel(
    'session',
    // keepCpr: the CPR number is never sent to the screen in full, so an edit that leaves the field empty keeps it.
    personInputSchema.safeExtend({ personId: id, keepCpr: z.boolean().default(false) }),
    familyDetailSchema,
  ),
  'persons:markBorn': channel(
    'session',
    z.strictObject({ personId: id, birthDate: birthDateSchema, name: z.string().trim().min(1, 'Navn skal udfyldes.').max(120) }),
    familyDetailSchema,
  ),
  'persons:revealCpr': channel('session', z.strictObject({ personId: id }), z.object({ cpr: z.string().nullable(), familyId: z.number().int() })),
} as const;
