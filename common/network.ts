import { z } from 'zod';
import { MAX_ID } from './ids';
import { dateSchema } from './dates';
import { partyInputSchema, partySchema } from './parties';
import { list, optionalDate, optionalText, requiredText } from './text-input';
import { userRefSchema } from './users';

/**
 * The family's network (kerneelement 4): the persons around the family, private and professional, what each can
 * help with, whether the relation supports or strains; agreements (who helps with what, when) with their follow-up
 * over time; netværksmøder; and the data the network map is drawn from.
 */
export const networkRelations = [
  'parent',
  'sibling',
  'grandparent',
  'other_family',
  'partner',
  'friend',
  'neighbour',
  'mothers_group',
  'daycare',
  'health',
  'civil_society',
  'work_school',
  'professional',
  'other',
] as const;
export type NetworkRelation = (typeof networkRelations)[number];
/** The relation to the family member it is recorded against (a parent's parent is the child's mormor or farfar). */
export const networkRelationLabels: Record<NetworkRelation, string> = {
  parent: 'Forælder',
  sibling: 'Søskende',
  grandparent: 'Bedsteforælder',
  other_family: 'Anden familie',
  partner: 'Kæreste / partner',
  friend: 'Ven / veninde',
  neighbour: 'Nabo',
  mothers_group: 'Mødregruppe / forældregruppe',
  daycare: 'Dagtilbud',
  health: 'Sundhedspleje / læge',
  civil_society: 'Civilsamfund / frivillig',
  work_school: 'Arbejde / uddannelse',
  professional: 'Anden fagperson',
  other: 'Andet',
};

export const networkKinds = ['private', 'professional'] as const;
export type NetworkKind = (typeof networkKinds)[number];
export const networkKindLabels: Record<NetworkKind, string> = { private: 'Privat', professional: 'Professionel' };

/** The map's four sectors, after the classic netværkskort. */
export const mapSectors = ['family', 'friends', 'community', 'professional'] as const;
export type MapSector = (typeof mapSectors)[number];
export const mapSectorLabels: Record<MapSector, string> = {
  family: 'Familie',
  friends: 'Venner og naboer',
  community: 'Fællesskaber, arbejde og fritid',
  professional: 'Fagpersoner',
};

const relationSector: Record<NetworkRelation, MapSector> = {
  parent: 'family',
  sibling: 'family',
  grandparent: 'family',
  other_family: 'family',
  partner: 'family',
  friend: 'friends',
  neighbour: 'friends',
  mothers_group: 'community',
  civil_society: 'community',
  work_school: 'community',
  daycare: 'professional',
  health: 'professional',
  professional: 'professional',
  other: 'friends',
};
export function sectorOf(relation: NetworkRelation): MapSector {
  return relationSector[relation];
}

/** Private or professional when the form does not say. */
export function defaultKind(relation: NetworkRelation): NetworkKind {
  return relationSector[relation] === 'professional' ? 'professional' : 'private';
}

export const networkSupports = ['supports', 'strains', 'both'] as const;
export type NetworkSupport = (typeof networkSupports)[number];
export const networkSupportLabels: Record<NetworkSupport, string> = { supports: 'Støtter', strains: 'Belaster', both: 'Både støtter og belaster' };

/** How close the person is to the family: the map's rings, 1 nearest. */
export const closenessLevels = [1, 2, 3] as const;
export const closenessLabels: Record<(typeof closenessLevels)[number], string> = { 1: 'Tæt på', 2: 'Et stykke fra', 3: 'Længere væk' };

export const helpAreas = ['childcare', 'practical', 'emotional', 'night_or_acute', 'transport', 'housing', 'finances', 'meetings', 'other'] as const;
export type HelpArea = (typeof helpAreas)[number];
export const helpAreaLabels: Record<HelpArea, string> = {
  childcare: 'Passe barnet',
  practical: 'Praktisk hjælp i hjemmet',
  emotional: 'En at tale med',
  night_or_acute: 'Om natten og når det brænder på',
  transport: 'Transport',
  housing: 'Bolig',
  finances: 'Økonomi',
  meetings: 'Følge til møder',
  other: 'Andet',
};

export const networkPersonFieldsSchema = z.strictObject({
  name: requiredText('Navn', 120),
  relation: z.enum(networkRelations, { error: 'Vælg relationen.' }),
  /** The family member the relation is to; none: the family as a whole. */
  relatedToPersonId: z.number().int().positive().max(MAX_ID).nullable().default(null),
  /** The relation in the family's own words: "mormor", "mors veninde fra skolen". */
  relationText: optionalText('Relationen med egne ord', 120),
  kind: z.enum(networkKinds, { error: 'Vælg privat eller professionel.' }).optional(),
  closeness: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'Vælg hvor tæt personen er på familien.' }),
  support: z.enum(networkSupports, { error: 'Vælg om relationen støtter eller belaster.' }),
  helpWith: list(z.enum(helpAreas, { error: 'Vælg hvad personen kan hjælpe med.' }), helpAreas.length, 'områder'),
  helpNote: optionalText('Hvad personen kan hjælpe med', 1000),
  phone: optionalText('Telefon', 40),
  email: optionalText('E-mail', 200).refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Angiv en gyldig e-mailadresse.'),
  contactNote: optionalText('Kontakt', 200),
});

export const networkPersonSchema = z.object({
  id: z.number().int(),
  familyId: z.number().int(),
  name: z.string(),
  relation: z.enum(networkRelations),
  relatedTo: z.object({ personId: z.number().int(), name: z.string() }).nullable(),
  relationText: z.string().nullable(),
  kind: z.enum(networkKinds),
  sector: z.enum(mapSectors),
  closeness: z.number().int(),
  support: z.enum(networkSupports),
  helpWith: z.array(z.enum(helpAreas)),
  helpNote: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  contactNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** No longer in the network (kept: agreements and plans refer to the person). */
  removedAt: z.string().nullable(),
  removedReason: z.string().nullable(),
});
export type NetworkPerson = z.infer<typeof networkPersonSchema>;

export const agreementStatuses = ['open', 'kept', 'not_kept'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];
export const agreementStatusLabels: Record<AgreementStatus, string> = { open: 'Åben', kept: 'Overholdt', not_kept: 'Ikke overholdt' };

/** An agreement as entered: who helps with what, when, and by when. */
export const agreementInputSchema = z.strictObject({
  responsible: partyInputSchema,
  what: requiredText('Hvad der er aftalt', 1000),
  when: optionalText('Hvornår', 200),
  dueDate: optionalDate,
});

export const followUpInputSchema = z
  .strictObject({
    agreementId: z.number().int().positive().max(MAX_ID),
    status: z.enum(agreementStatuses, { error: 'Vælg status for aftalen.' }),
    note: optionalText('Note', 1000),
  })
  .superRefine((f, ctx) => {
    if (typeof f !== 'object' || f === null) return;
    if (f.status === 'not_kept' && !f.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Skriv kort hvad der skete, når en aftale ikke er overholdt.' });
  }, { when: () => true });

export const followUpSchema = z.object({
  id: z.number().int(),
  status: z.enum(agreementStatuses),
  note: z.string().nullable(),
  meetingId: z.number().int().nullable(),
  recordedAt: z.string(),
  recordedBy: userRefSchema,
});

export const networkAgreementSchema = z.object({
  id: z.number().int(),
  familyId: z.number().int(),
  responsible: partySchema,
  what: z.string(),
  when: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** The netværksmøde it was made at, if any. */
  meetingId: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: userRefSchema,
  /** The latest follow-up's status; open until followed up. */
  status: z.enum(agreementStatuses),
  /** Every follow-up, oldest first: the agreement's status over time. */
  followUps: z.array(followUpSchema),
});
export type NetworkAgreement = z.infer<typeof networkAgreementSchema>;

export const meetingInputSchema = z.strictObject({
  familyId: z.number().int().positive().max(MAX_ID),
  heldOn: dateSchema,
  participants: list(partyInputSchema, 40, 'deltagere').min(1, 'Vælg hvem der deltog.'),
  topics: list(requiredText('Emne', 300), 30, 'emner'),
  summary: optionalText('Referat', 8000),
  /** New agreements made at the meeting. */
  agreements: list(agreementInputSchema, 40, 'aftaler').default([]),
  /** Earlier agreements followed up at the meeting. */
  followUps: list(followUpInputSchema, 80, 'opfølgninger').default([]),
});

export const meetingSchema = z.object({
  id: z.number().int(),
  familyId: z.number().int(),
  heldOn: z.string(),
  participants: z.array(partySchema),
  topics: z.array(z.string()),
  summary: z.string().nullable(),
  agreements: z.array(networkAgreementSchema),
  followUps: z.array(followUpSchema.extend({ agreementId: z.number().int(), what: z.string() })),
  createdAt: z.string(),
  createdBy: userRefSchema,
  amendments: z.array(z.object({ id: z.number().int(), author: userRefSchema, createdAt: z.string(), reason: z.string(), text: z.string() })),
});
export type NetworkMeeting = z.infer<typeof meetingSchema>;

/** What the network map is drawn from: the family at the centre, rings by closeness, sectors by kind of relation. */
export const networkMapSchema = z.object({
  centre: z.object({ familyId: z.number().int(), name: z.string(), persons: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string() })) }),
  rings: z.array(z.object({ closeness: z.number().int(), label: z.string() })),
  sectors: z.array(z.object({ sector: z.enum(mapSectors), label: z.string() })),
  placements: z.array(
    z.object({
      networkPersonId: z.number().int(),
      name: z.string(),
      /** What the map writes under the name: "Mormor", or the relation's label. */
      caption: z.string(),
      closeness: z.number().int(),
      sector: z.enum(mapSectors),
      kind: z.enum(networkKinds),
      support: z.enum(networkSupports),
      relatedToPersonId: z.number().int().nullable(),
      openAgreements: z.number().int(),
    }),
  ),
});

export const networkOverviewSchema = z.object({
  familyId: z.number().int(),
  /** Every person, the removed ones last (the map shows only the current ones). */
  persons: z.array(networkPersonSchema),
  agreements: z.array(networkAgreementSchema),
  meetings: z.array(z.object({ id: z.number().int(), heldOn: z.string(), topics: z.array(z.string()), participants: z.number().int(), agreements: z.number().int() })),
  map: networkMapSchema,
});
export type NetworkOverview = z.infer<typeof networkOverviewSchema>;
