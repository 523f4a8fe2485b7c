import type { Kysely } from 'kysely';
import { AppFailure } from '../../../common/errors';
import {
  closenessLabels,
  closenessLevels,
  mapSectorLabels,
  mapSectors,
  networkRelationLabels,
  sectorOf,
  type HelpArea,
  type NetworkAgreement,
  type NetworkOverview,
  type NetworkPerson,
  type NetworkRelation,
} from '../../../common/network';
import type { Database } from '../../../db/schema';
import { partyColumns, partyOf } from './parties';

/** The family's network persons: the current ones by closeness and name, then the removed ones. */
export async function loadNetworkPersons(db: Kysely<Database>, familyId: number): Promise<NetworkPerson[]> {
  const rows = await db
    .selectFrom('network_persons as n')
    .leftJoin('persons as p', 'p.id', 'n.related_person_id')
    .selectAll('n')
    .select('p.name as related_name')
    .where('n.family_id', '=', familyId)
    .execute();
  const collator = new Intl.Collator('da');
  return rows
    .map((r) => ({
      id: r.id,
      familyId: r.family_id,
      name: r.name,
      relation: r.relation as NetworkRelation,
      relatedTo: r.related_person_id !== null ? { personId: r.related_person_id, name: r.related_name ?? '' } : null,
      relationText: r.relation_text,
      kind: r.kind,
      sector: sectorOf(r.relation as NetworkRelation),
      closeness: r.closeness,
      support: r.support,
      helpWith: JSON.parse(r.help_with) as HelpArea[],
      helpNote: r.help_note,
      phone: r.phone,
      email: r.email,
      contactNote: r.contact_note,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      removedAt: r.removed_at,
      removedReason: r.removed_reason,
    }))
    .sort((a, b) => Number(a.removedAt !== null) - Number(b.removedAt !== null) || a.closeness - b.closeness || collator.compare(a.name, b.name));
}

/** Agreements (a family's, or the given ones), oldest first, each with its follow-ups and its status now. */
export async function loadAgreements(db: Kysely<Database>, where: { familyId: number } | { ids: number[] } | { meetingId: number }): Promise<NetworkAgreement[]> {
  let q = db
    .selectFrom('network_agreements as a')
    .innerJoin('users as u', 'u.id', 'a.created_by')
    .select(['a.id', 'a.family_id', 'a.meeting_id', 'a.what', 'a.when_text', 'a.due_date', 'a.created_at', 'u.id as user_id', 'u.name as user_name', 'u.initials as user_initials'])
    .select(partyColumns.map((c) => `a.${c}` as const))
    .orderBy('a.id');
  if ('familyId' in where) q = q.where('a.family_id', '=', where.familyId);
  else if ('meetingId' in where) q = q.where('a.meeting_id', '=', where.meetingId);
  else q = q.where('a.id', 'in', where.ids.length ? where.ids : [0]);
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  const followUps = ids.length
    ? await db
        .selectFrom('network_agreement_followups as f')
        .innerJoin('users as u', 'u.id', 'f.recorded_by')
        .select(['f.id', 'f.agreement_id', 'f.meeting_id', 'f.status', 'f.note', 'f.recorded_at', 'u.id as user_id', 'u.name as user_name', 'u.initials as user_initials'])
        .where('f.agreement_id', 'in', ids)
        .orderBy('f.id')
        .execute()
    : [];
  return rows.map((r) => {
    const mine = followUps
      .filter((f) => f.agreement_id === r.id)
      .map((f) => ({ id: f.id, status: f.status, note: f.note, meetingId: f.meeting_id, recordedAt: f.recorded_at, recordedBy: { id: f.user_id, name: f.user_name, initials: f.user_initials } }));
    return {
      id: r.id,
      familyId: r.family_id,
      responsible: partyOf(r),
      what: r.what,
      when: r.when_text,
      dueDate: r.due_date,
      meetingId: r.meeting_id,
      createdAt: r.created_at,
      createdBy: { id: r.user_id, name: r.user_name, initials: r.user_initials },
      status: mine.at(-1)?.status ?? 'open',
      followUps: mine,
    };
  });
}


/** Everything the network tab and the network map show. */
export async function loadNetwork(db: Kysely<Database>, familyId: number): Promise<NetworkOverview> {
  const family = await db.selectFrom('families').select(['display_name']).where('id', '=', familyId).executeTakeFirst();
  if (!family) throw new AppFailure('not_found', 'Familien findes ikke.');
  const persons = await loadNetworkPersons(db, familyId);
  const agreements = await loadAgreements(db, { familyId });
  const familyPersons = await db.selectFrom('persons').select(['id', 'name', 'kind']).where('family_id', '=', familyId).orderBy('id').execute();
  const meetings = await db
    .selectFrom('network_meetings as m')
    .select((eb) => [
      'm.id',
      'm.held_on',
      'm.topics',
      eb.selectFrom('network_meeting_participants as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.meeting_id', '=', 'm.id').as('participants'),
      eb.selectFrom('network_agreements as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.meeting_id', '=', 'm.id').as('agreements'),
    ])
    .where('m.family_id', '=', familyId)
    .orderBy('m.held_on', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  const openByPerson = new Map<number, number>();
  for (const a of agreements) {
    const who = a.responsible.networkPersonId;
    if (who !== null && a.status === 'open') openByPerson.set(who, (openByPerson.get(who) ?? 0) + 1);
  }
  return {
    familyId,
    persons,
    agreements,
    meetings: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, topics: JSON.parse(m.topics) as string[], participants: Number(m.participants ?? 0), agreements: Number(m.agreements ?? 0) })),
    map: {
      centre: { familyId, name: family.display_name, persons: familyPersons },
      rings: closenessLevels.map((c) => ({ closeness: c, label: closenessLabels[c] })),
      sectors: mapSectors.map((s) => ({ sector: s, label: mapSectorLabels[s] })),
      placements: persons
        .filter((p) => p.removedAt === null)
        .map((p) => ({
          networkPersonId: p.id,
          name: p.name,
          caption: p.relationText ?? networkRelationLabels[p.relation],
          closeness: p.closeness,
          sector: p.sector,
          kind: p.kind,
          support: p.support,
          relatedToPersonId: p.relatedTo?.personId ?? null,
          openAgreements: openByPerson.get(p.id) ?? 0,
        })),
    },
  };
}
