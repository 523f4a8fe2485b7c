import { z } from 'zod';
import { channel, empty, id } from './define';

/** Closed families after the retention period: a full export, then deletion everywhere (administrators). */
export const retentionChannels = {
  /** A family's whole record as one JSON document, with the JSON Schema that describes it (leaders and administrators). */
  'families:export': channel(['leader', 'admin'], z.strictObject({ familyId: id }), z.object({ fileName: z.string(), json: z.string(), schema: z.string() })),
  /** Closed families whose retention period has passed. */
  'retention:due': channel(
    ['admin'],
    empty,
    z.object({
      retentionYears: z.number().int(),
      families: z.array(z.object({ familyId: z.number().int(), displayName: z.string(), endDate: z.string(), dueSince: z.string() })),
    }),
  ),
  /** Deletes a closed family past its retention period everywhere; the family's name typed back confirms it. */
  'retention:deleteFamily': channel(
    ['admin'],
    z.strictObject({ familyId: id, confirmName: z.string().trim().min(1, 'Skriv familiens navn for at bekræfte.').max(120) }),
    z.object({ deleted: z.object({ observations: z.number().int(), persons: z.number().int(), accessLogDetailsErased: z.number().int() }) }),
  ),
} as const;
