import { z } from 'zod';
import { MAX_ID } from './ids';
import { dateSchema } from './dates';
import { partyInputSchema, partySchema } from './parties';
import { list, optionalText, requiredText } from './text-input';
import { userRefSchema } from './users';

/**
 * The sikkerhedsplan: the worries in plain words, what the family does, who they call when, and the signs agreed
 * on. Every change is a new version with the date it was agreed and who agreed; earlier versions never change.
 * List items carry a key that stays the same from version to version, so two versions can be compared item by item.
 */
const itemKey = z.number().int().positive().max(MAX_ID).optional();

export const safetyPlanContentSchema = z.strictObject({
  familyId: z.number().int().positive().max(MAX_ID),
  /** The version the editor started from (null for the first): a plan changed meanwhile is not overwritten. */
  baseVersion: z.number().int().positive().max(MAX_ID).nullable(),
  agreedOn: dateSchema,
  agreedBy: list(partyInputSchema, 30, 'personer').min(1, 'Vælg hvem der har aftalt planen.'),
  reason: requiredText('Hvorfor planen laves eller ændres', 500),
  worries: list(z.strictObject({ key: itemKey, text: requiredText('Bekymringen', 1000) }), 30, 'bekymringer').min(1, 'Skriv mindst én bekymring.'),
  actions: list(z.strictObject({ key: itemKey, text: requiredText('Det familien gør', 1000) }), 30, 'punkter'),
  contacts: list(
    z.strictObject({ key: itemKey, when: requiredText('Hvornår familien ringer', 300), who: partyInputSchema, phone: optionalText('Telefon', 40) }),
    30,
    'kontakter',
  ),
  signs: list(z.strictObject({ key: itemKey, text: requiredText('Tegnet', 500) }), 30, 'tegn'),
});
export type SafetyPlanContent = z.output<typeof safetyPlanContentSchema>;

export const safetyTextItemSchema = z.object({ key: z.number().int(), text: z.string() });
export const safetyContactSchema = z.object({ key: z.number().int(), when: z.string(), who: partySchema, phone: z.string().nullable() });

export const versionMetaSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  author: userRefSchema,
  reason: z.string(),
  /** What changed from the version before, in short Danish lines (empty for the first). */
  changes: z.array(z.string()),
});
export type VersionMeta = z.infer<typeof versionMetaSchema>;

export const safetyPlanVersionSchema = z.object({
  familyId: z.number().int(),
  version: z.number().int(),
  agreedOn: z.string(),
  agreedBy: z.array(partySchema),
  reason: z.string(),
  author: userRefSchema,
  createdAt: z.string(),
  worries: z.array(safetyTextItemSchema),
  actions: z.array(safetyTextItemSchema),
  contacts: z.array(safetyContactSchema),
  signs: z.array(safetyTextItemSchema),
});
export type SafetyPlanVersion = z.infer<typeof safetyPlanVersionSchema>;

export const safetyPlanViewSchema = z.object({
  familyId: z.number().int(),
  /** The version asked for, or the newest; null: no safety plan yet. */
  plan: safetyPlanVersionSchema.nullable(),
  /** The newest version's number (null: none). */
  currentVersion: z.number().int().nullable(),
  versions: z.array(versionMetaSchema),
});
