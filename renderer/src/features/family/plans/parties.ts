import { z } from 'zod';
import { personKindLabels, type FamilyDetail } from '../../../../../common/families';
import { networkRelationLabels, type NetworkOverview } from '../../../../../common/network';
import { partyLabel, type Party, type PartyInput } from '../../../../../common/parties';
import { teamRoleLabels } from '../../../../../common/team';

/**
 * Who, in a form: one select over the family's own people (family, network, team) or "someone else" with a name.
 * A party is coded as 'family:12', 'network:3', 'team:5' or 'other' (then name and role are typed).
 */
export interface PartyField {
  code: string;
  name: string;
  role: string;
}
export const emptyParty: PartyField = { code: '', name: '', role: '' };

export const partyFieldSchema = z
  .object({ code: z.string().min(1, 'Vælg hvem.'), name: z.string().max(120, 'Navn må højst have 120 tegn.'), role: z.string().max(120, 'Rolle må højst have 120 tegn.') })
  .superRefine((p, ctx) => {
    if (p.code === 'other' && !p.name.trim()) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Navn skal udfyldes.' });
  });

export interface PartyOptionGroup {
  label: string;
  options: Array<{ value: string; label: string }>;
}

/**
 * The choices: the family's persons, the current network and the current team. A removed network person or a team
 * member who left is offered only where a version being edited already names them (`keep`), marked as such.
 */
export function partyGroups(family: FamilyDetail, network: NetworkOverview | undefined, keep: readonly Party[] = []): PartyOptionGroup[] {
  const kept = new Set(keep.map((p) => partyField(p).code));
  const persons = (network?.persons ?? []).filter((n) => !n.removedAt || kept.has(`network:${n.id}`));
  const team = family.team.filter((m) => !m.removedAt || kept.has(`team:${m.id}`));
  return [
    { label: 'Familien', options: family.persons.map((p) => ({ value: `family:${p.id}`, label: `${p.name} (${personKindLabels[p.kind]})` })) },
    {
      label: 'Netværket',
      options: persons.map((n) => ({
        value: `network:${n.id}`,
        label: `${n.name} (${n.relationText ?? networkRelationLabels[n.relation]})${n.removedAt ? ' – fjernet fra netværket' : ''}`,
      })),
    },
    {
      label: 'Indsatsteamet',
      options: team.map((m) => ({
        value: `team:${m.id}`,
        label: `${m.name} (${m.role === 'other' && m.roleOther ? m.roleOther : teamRoleLabels[m.role]})${m.removedAt ? ' – ikke længere i teamet' : ''}`,
      })),
    },
  ].filter((g) => g.options.length > 0);
}

/** The channel's party input for a form's party. */
export function partyInput(p: PartyField): PartyInput {
  const [kind, id] = p.code.split(':');
  const n = Number(id);
  if (kind === 'family') return { kind: 'family', personId: n };
  if (kind === 'network') return { kind: 'network', networkPersonId: n };
  if (kind === 'team') return { kind: 'team', teamMemberId: n };
  return { kind: 'other', name: p.name.trim(), role: p.role.trim() || null };
}

/** A stored party as a form's party (for editing a new version from an earlier one). */
export function partyField(p: Party): PartyField {
  if (p.kind === 'family' && p.personId !== null) return { code: `family:${p.personId}`, name: '', role: '' };
  if (p.kind === 'network' && p.networkPersonId !== null) return { code: `network:${p.networkPersonId}`, name: '', role: '' };
  if (p.kind === 'team' && p.teamMemberId !== null) return { code: `team:${p.teamMemberId}`, name: '', role: '' };
  return { code: 'other', name: p.name, role: p.role ?? '' };
}

/**
 * Several people at once (made with, agreed by, took part): the family's own people by checkbox, others typed as
 * "Navn (rolle), Navn".
 */
export interface PartyList {
  codes: string[];
  others: string;
}

export function partyListSchema(emptyMessage: string) {
  return z.object({ codes: z.array(z.string()), others: z.string().max(1000) }).refine((l) => l.codes.length + splitOthers(l.others).length > 0, { path: ['codes'], message: emptyMessage });
}

function splitOthers(others: string): Array<{ name: string; role: string | null }> {
  return others
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(.*?)\s*\((.*)\)$/.exec(s);
      return m && m[1] ? { name: m[1], role: (m[2] ?? '').trim() || null } : { name: s, role: null };
    });
}

export function partyListInput(list: PartyList): PartyInput[] {
  return [...list.codes.map((code) => partyInput({ code, name: '', role: '' })), ...splitOthers(list.others).map((o) => ({ kind: 'other' as const, ...o }))];
}

export function partyListField(parties: Party[]): PartyList {
  const codes: string[] = [];
  const others: string[] = [];
  for (const p of parties) {
    const f = partyField(p);
    if (f.code === 'other') others.push(partyLabel(p));
    else codes.push(f.code);
  }
  return { codes, others: others.join(', ') };
}
