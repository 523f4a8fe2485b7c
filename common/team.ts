import { z } from 'zod';

/** The indsatsteam around a family: internal staff and external professionals, one of them tovholder. */
export const teamRoles = ['family_therapist', 'educator', 'key_educator', 'psychologist', 'social_worker', 'caseworker', 'ambulant_family_therapist', 'health_visitor', 'midwife', 'other'] as const;
export const teamRoleLabels: Record<(typeof teamRoles)[number], string> = {
  caseworker: 'Sagsbehandler',
  ambulant_family_therapist: 'Ambulant familiebehandler',
  health_visitor: 'Sundhedsplejerske',
  midwife: 'Jordemoder',
  psychologist: 'Psykolog',
  family_therapist: 'Familiebehandler',
  educator: 'Pædagog',
  key_educator: 'Kontaktpædagog',
  social_worker: 'Socialrådgiver',
  other: 'Andet',
};
export type TeamRole = (typeof teamRoles)[number];

export const teamMemberSchema = z.object({
  id: z.number().int(),
  userId: z.number().int().nullable(),
  name: z.string(),
  internal: z.boolean(),
  role: z.enum(teamRoles),
  roleOther: z.string().nullable(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  addedAt: z.string(),
  removedAt: z.string().nullable(),
  isCoordinator: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const coordinatorPeriodSchema = z.object({ memberId: z.number().int(), name: z.string(), fromAt: z.string(), toAt: z.string().nullable(), setBy: z.string() });
