import { z } from 'zod';
import { familyDetailSchema } from '../families';
import { teamRoles } from '../team';
import { channel, id } from './define';

/** The indsatsteam and its tovholder. */
export const teamChannels = {
  'team:add': channel(
    'session',
    z
      .strictObject({
        familyId: id,
        userId: id.optional(),
        name: z.string().trim().max(120).optional(),
        role: z.enum(teamRoles, { error: 'Vælg en rolle.' }),
        roleOther: z.string().trim().max(120).optional(),
        organisation: z.string().trim().max(120).optional(),
        phone: z.string().trim().max(40).optional(),
        email: z.union([z.literal(''), z.email('Angiv en gyldig e-mailadresse.').max(200, 'E-mailadressen må højst have 200 tegn.')]).optional(),
      })
      .refine((v) => v.userId || (v.name && v.name.length > 0), { path: ['name'], message: 'Vælg en medarbejder, eller skriv navnet på en ekstern fagperson.' }),
    familyDetailSchema,
  ),
  'team:remove': channel('session', z.strictObject({ memberId: id }), familyDetailSchema),
  'team:setCoordinator': channel('session', z.strictObject({ familyId: id, memberId: id }), familyDetailSchema),
} as const;
