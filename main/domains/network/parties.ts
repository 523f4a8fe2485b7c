import type { Kysely } from 'kysely';
import { AppFailure, type FieldIssue } from '../../../common/errors';
import { personKindLabels, type PersonKind } from '../../../common/families';
import { networkRelationLabels, type NetworkRelation } from '../../../common/network';
import type { Party, PartyInput } from '../../../common/parties';
import { teamRoleLabels, type TeamRole } from '../../../common/team';
import type { Database } from '../../../db/schema';
import type { PartyColumns } from '../../../db/schema-plans';

/**
 * Parties (who takes part, is responsible or agreed) as stored: the link to the person and their name and role as
 * they are now. A link to a person of another family is refused — the same message whether the person does not exist
 * or belongs to someone else, so nothing is told about another family.
 */
const refusals: Record<PartyInput['kind'], string> = {
  family: 'Personen hører ikke til familien.',
  network: 'Personen hører ikke til familiens netværk.',
  team: 'Personen er ikke i familiens indsatsteam.',
  other: '',
};

export class PartyResolver {
  /** The links refused so far, with their paths. */
  readonly refused: FieldIssue[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly familyId: number,
  ) {}

  /** The columns for one party; a refusal is collected under `path` and thrown by `check()`. */
  async resolve(party: PartyInput, path: string): Promise<PartyColumns> {
    const columns = await this.lookup(party);
    if (columns) return columns;
    this.refused.push({ path, message: refusals[party.kind] });
    return { party_kind: 'other', person_id: null, network_person_id: null, team_member_id: null, party_name: '', party_role: null };
  }

  /** Throws invalid_input with every refused link (and the caller's other problems), before anything is written. */
  check(others: FieldIssue[] = []): void {
    const issues = [...others, ...this.refused];
    const [first] = issues;
    if (first) throw new AppFailure('invalid_input', first.message, issues);
  }

  private async lookup(party: PartyInput): Promise<PartyColumns | null> {
    const none = { person_id: null, network_person_id: null, team_member_id: null };
    switch (party.kind) {
      case 'family': {
        const p = await this.db.selectFrom('persons').select(['name', 'kind']).where('id', '=', party.personId).where('family_id', '=', this.familyId).executeTakeFirst();
        return p ? { ...none, party_kind: 'family', person_id: party.personId, party_name: p.name, party_role: personKindLabels[p.kind as PersonKind] } : null;
      }
      case 'network': {
        const n = await this.db
          .selectFrom('network_persons')
          .select(['name', 'relation', 'relation_text'])
          .where('id', '=', party.networkPersonId)
          .where('family_id', '=', this.familyId)
          .executeTakeFirst();
        return n
          ? { ...none, party_kind: 'network', network_person_id: party.networkPersonId, party_name: n.name, party_role: n.relation_text ?? networkRelationLabels[n.relation as NetworkRelation] }
          : null;
      }
      case 'team': {
        const t = await this.db
          .selectFrom('team_members as t')
          .leftJoin('users as u', 'u.id', 't.user_id')
          .select(['t.name', 'u.name as user_name', 't.role', 't.role_other'])
          .where('t.id', '=', party.teamMemberId)
          .where('t.family_id', '=', this.familyId)
          .executeTakeFirst();
        if (!t) return null;
        const role = t.role === 'other' && t.role_other ? t.role_other : teamRoleLabels[t.role as TeamRole];
        return { ...none, party_kind: 'team', team_member_id: party.teamMemberId, party_name: t.user_name ?? t.name ?? '', party_role: role };
      }
      case 'other':
        return { ...none, party_kind: 'other', party_name: party.name, party_role: party.role };
    }
  }
}

/** A stored party as the contract gives it. */
export function partyOf(row: PartyColumns): Party {
  return {
    kind: row.party_kind,
    personId: row.person_id,
    networkPersonId: row.network_person_id,
    teamMemberId: row.team_member_id,
    name: row.party_name,
    role: row.party_role,
  };
}

/** The party columns to select from a table (or its alias). */
export const partyColumns = ['party_kind', 'person_id', 'network_person_id', 'team_member_id', 'party_name', 'party_role'] as const;
