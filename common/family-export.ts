import { z } from 'zod';
import { underretningSchema } from './concerns';
import { familyDetailSchema, personKinds } from './families';
import { observationSchema } from './journal';

/**
 * The documented format of a family's full export (JSON), before deletion after the retention period or for a handover
 * to an archive. `families:export` returns it together with its JSON Schema (generated from this definition).
 */
export const familyExportSchema = z
  .object({
    format: z.literal('familiespor-familieeksport').describe('Always "familiespor-familieeksport".'),
    version: z.literal(1).describe('The version of this format.'),
    exportedAt: z.string().describe('When the export was made (ISO 8601).'),
    exportedBy: z.string().describe('The name of the user who made it.'),
    institution: z.string().describe("The institution's name."),
    family: familyDetailSchema.omit({ latestObservations: true, openConcerns: true, concernHistory: true, underretninger: true }).describe('The family: dates, phases, team, tovholder history.'),
    persons: z
      .array(z.object({ id: z.number().int(), kind: z.enum(personKinds), name: z.string(), cpr: z.string().nullable(), birthDate: z.string().nullable(), dueDate: z.string().nullable() }))
      .describe('The persons, with full CPR numbers.'),
    observations: z.array(observationSchema).describe('Every signed dagbog note, oldest first, with amendments and acknowledgements.'),
    underretninger: z.array(underretningSchema).describe('Every underretning with its corrections.'),
  })
  .describe('Familiespor: a family’s full record.');
export type FamilyExport = z.infer<typeof familyExportSchema>;
