import type { Kysely } from 'kysely';
import { itemAt } from '../../../common/arrays';
import { todayIso } from '../../../common/dates';
import { AppFailure } from '../../../common/errors';
import type { NetworkMeeting } from '../../../common/network';
import { danishDate } from '../../../common/text-input';
import type { Database } from '../../../db/schema';
import { handlers } from '../../core/context';
import { requireOpenFamily } from '../families/queries';
import { checkFollowUps, insertAgreement, insertFollowUp, resolveAgreements } from './agreements';
import { PartyResolver, partyColumns, partyOf } from './parties';
import { loadAgreements } from './queries';

/** One netværksmøde: participants, topics, the agreements made and the earlier agreements followed up. */
export async function loadMeeting(db: Kysely<Database>, meetingId: number): Promise<NetworkMeeting> {
  const m = await db
    .selectFrom('network_meetings as m')
    .innerJoin('users as u', 'u.id', 'm.created_by')
    .select(['m.id', 'm.family_id', 'm.held_on', 'm.topics', 'm.summary', 'm.created_at', 'u.id as user_id', 'u.name as user_name', 'u.initials as user_initials'])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
  if (!m) throw new AppFailure('not_found', 'Netværksmødet findes ikke.');
  const participants = await db.selectFrom('network_meeting_participants').select(partyColumns).where('meeting_id', '=', meetingId).orderBy('position').execute();
  const followUps = await db
    .selectFrom('network_agreement_followups as f')
    .innerJoin('network_agreements as a', 'a.id', 'f.agreement_id')
    .innerJoin('users as u', 'u.id', 'f.recorded_by')
    .select(['f.id', 'f.agreement_id', 'a.what', 'f.meeting_id', 'f.status', 'f.note', 'f.recorded_at', 'u.id as user_id', 'u.name as user_name', 'u.initials as user_initials'])
    .where('f.meeting_id', '=', meetingId)
    .orderBy('f.id')
    .execute();
  const amendments = await db
    .selectFrom('network_meeting_amendments as a')
    .innerJoin('users as u', 'u.id', 'a.author_id')
    .select(['a.id', 'a.created_at', 'a.reason', 'a.text', 'u.id as user_id', 'u.name as user_name', 'u.initials as user_initials'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.id')
    .execute();
  return {
    id: m.id,
    familyId: m.family_id,
    heldOn: m.held_on,
    participants: participants.map(partyOf),
    topics: JSON.parse(m.topics) as string[],
    summary: m.summary,
    agreements: await loadAgreements(db, { meetingId }),
    followUps: followUps.map((f) => ({
      id: f.id,
      agreementId: f.agreement_id,
      what: f.what,
      status: f.status,
      note: f.note,
      meetingId: f.meeting_id,
      recordedAt: f.recorded_at,
      recordedBy: { id: f.user_id, name: f.user_name, initials: f.user_initials },
    })),
    createdAt: m.created_at,
    createdBy: { id: m.user_id, name: m.user_name, initials: m.user_initials },
    amendments: amendments.map((a) => ({ id: a.id, author: { id: a.user_id, name: a.user_name, initials: a.user_initials }, createdAt: a.created_at, reason: a.reason, text: a.text })),
  };
}


/** Netværksmøder: recorded once with what was agreed and followed up; corrections are appended. */
export const meetingHandlers = handlers({
  'networkMeetings:create': {
    audit: { action: 'create', subject: 'netværksmøde', detail: (input) => ({ heldOn: input.heldOn }) },
    write: true,
    async run({ db, user, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      const family = await db.selectFrom('families').select('start_date').where('id', '=', input.familyId).executeTakeFirstOrThrow();
      const invalid = (message: string) => new AppFailure('invalid_input', message, [{ path: 'heldOn', message }]);
      if (input.heldOn > todayIso(now)) throw invalid('Mødet ligger i fremtiden. Skriv referatet, når mødet er holdt.');
      if (input.heldOn < family.start_date) throw invalid(`Mødet ligger før forløbets start (${danishDate(family.start_date)}).`);
      const resolver = new PartyResolver(db, input.familyId);
      const participants = [];
      for (const [i, p] of input.participants.entries()) participants.push(await resolver.resolve(p, `participants.${i}`));
      const responsible = await resolveAgreements(resolver, input.agreements, (i) => `agreements.${i}.responsible`);
      resolver.check();
      await checkFollowUps(db, input.familyId, input.followUps, (i) => `followUps.${i}.agreementId`);

      const at = now.toISOString();
      const meeting = await db
        .insertInto('network_meetings')
        .values({ family_id: input.familyId, held_on: input.heldOn, topics: JSON.stringify(input.topics), summary: input.summary, created_by: user.id, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (participants.length) {
        await db.insertInto('network_meeting_participants').values(participants.map((p, position) => ({ meeting_id: meeting.id, position, ...p }))).execute();
      }
      const w = { db, user, at };
      for (const [i, a] of input.agreements.entries()) await insertAgreement(w, input.familyId, a, itemAt(responsible, i, 'responsible party'), meeting.id);
      for (const f of input.followUps) await insertFollowUp(w, f, meeting.id);
      return loadMeeting(db, meeting.id);
    },
  },

  'networkMeetings:get': {
    audit: { action: 'read', subject: 'netværksmøde' },
    async run({ db, families }, input) {
      await families.record('network_meetings', input.meetingId, 'Netværksmødet findes ikke.');
      return loadMeeting(db, input.meetingId);
    },
  },

  'networkMeetings:amend': {
    audit: { action: 'change', subject: 'rettelse til netværksmøde', detail: (input) => ({ meetingId: input.meetingId }) },
    write: true,
    async run({ db, user, now, families }, input) {
      const familyId = await families.record('network_meetings', input.meetingId, 'Netværksmødet findes ikke.');
      await requireOpenFamily(db, familyId);
      await db
        .insertInto('network_meeting_amendments')
        .values({ meeting_id: input.meetingId, author_id: user.id, created_at: now.toISOString(), reason: input.reason, text: input.text })
        .execute();
      return loadMeeting(db, input.meetingId);
    },
  },
});
