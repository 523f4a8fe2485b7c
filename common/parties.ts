import { z } from 'zod';
import { MAX_ID } from './ids';
import { optionalText, requiredText } from './text-input';

/**
 * Who takes part, is responsible or agreed: a parent or child of the family, a person in the family's network, a
 * member of the indsatsteam, or someone else named in words. Stored with the name and role as they were then, so an
 * earlier version of a plan still shows who it was when the person later changes or leaves.
 */
export const partyKinds = ['family', 'network', 'team', 'other'] as const;
export type PartyKind = (typeof partyKinds)[number];
export const partyKindLabels: Record<PartyKind, string> = {
  family: 'Familien',
  network: 'Netværket',
  team: 'Indsatsteamet',
  other: 'Andre',
};

const positiveId = z.number({ error: 'Vælg en person.' }).int().positive().max(MAX_ID);

export const partyInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('family'), personId: positiveId }),
    z.strictObject({ kind: z.literal('network'), networkPersonId: positiveId }),
    z.strictObject({ kind: z.literal('team'), teamMemberId: positiveId }),
    z.strictObject({ kind: z.literal('other'), name: requiredText('Navn', 120), role: optionalText('Rolle', 120) }),
  ],
  { error: 'Vælg hvem.' },
);
export type PartyInput = z.output<typeof partyInputSchema>;

export const partySchema = z.object({
  kind: z.enum(partyKinds),
  personId: z.number().int().nullable(),
  networkPersonId: z.number().int().nullable(),
  teamMemberId: z.number().int().nullable(),
  /** The name as it was when recorded. */
  name: z.string(),
  /** Mor, Mormor, Ambulant familiebehandler … as it was when recorded. */
  role: z.string().nullable(),
});
export type Party = z.infer<typeof partySchema>;

/** "Bente (Familiebehandler)". */
export function partyLabel(p: Party): string {
  return p.role ? `${p.name} (${p.role})` : p.name;
}

/** Whether two parties are the same one (for comparing versions). */
export function sameParty(a: Party, b: Party): boolean {
  return a.kind === b.kind && a.personId === b.personId && a.networkPersonId === b.networkPersonId && a.teamMemberId === b.teamMemberId && a.name === b.name && a.role === b.role;
}
