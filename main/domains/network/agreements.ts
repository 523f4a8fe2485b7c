import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppFailure, type FieldIssue } from '../../../common/errors';
import type { agreementInputSchema, followUpInputSchema } from '../../../common/network';
import type { SessionUser } from '../../../common/users';
import type { Database } from '../../../db/schema';
import type { PartyColumns } from '../../../db/schema-plans';
import { handlers } from '../../core/context';
import { requireOpenFamily } from '../families/queries';
import { PartyResolver } from './parties';
import { loadNetwork } from './queries';

type AgreementInput = z.output<typeof agreementInputSchema>;
type FollowUpInput = z.output<typeof followUpInputSchema>;

interface Writer {
  db: Kysely<Database>;
  user: SessionUser;
  at: string;
}

/** The agreements' responsible parties, checked (another family's person is refused) before anything is written. */
export async function resolveAgreements(resolver: PartyResolver, agreements: AgreementInput[], path: (i: number) => string): Promise<PartyColumns[]> {
  const parties: PartyColumns[] = [];
  for (const [i, a] of agreements.entries()) parties.push(await resolver.resolve(a.responsible, path(i)));
  return parties;
}

export async function insertAgreement(w: Writer, familyId: number, input: AgreementInput, party: PartyColumns, meetingId: number | null): Promise<number> {
  const row = await w.db
    .insertInto('network_agreements')
    .values({ family_id: familyId, meeting_id: meetingId, ...party, what: input.what, when_text: input.when, due_date: input.dueDate, created_by: w.user.id, created_at: w.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Follow-ups must be about the family's own agreements: checked for all of them before anything is written. */
export async function checkFollowUps(db: Kysely<Database>, familyId: number, followUps: FollowUpInput[], path: (i: number) => string): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const [i, f] of followUps.entries()) {
    const a = await db.selectFrom('network_agreements').select('family_id').where('id', '=', f.agreementId).executeTakeFirst();
    if (!a || a.family_id !== familyId) issues.push({ path: path(i), message: 'Aftalen hører ikke til familien.' });
  }
  const [first] = issues;
  if (first) throw new AppFailure('invalid_input', first.message, issues);
}

export async function insertFollowUp(w: Writer, input: FollowUpInput, meetingId: number | null): Promise<void> {
  await w.db
    .insertInto('network_agreement_followups')
    .values({ agreement_id: input.agreementId, meeting_id: meetingId, status: input.status, note: input.note, recorded_by: w.user.id, recorded_at: w.at })
    .execute();
}

/** Agreements with the network outside a meeting, and their follow-up. */
export const agreementHandlers = handlers({
  'network:addAgreement': {
    audit: { action: 'create', subject: 'netværksaftale' },
    write: true,
    async run({ db, user, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      const resolver = new PartyResolver(db, input.familyId);
      const party = await resolver.resolve(input.responsible, 'responsible');
      resolver.check();
      await insertAgreement({ db, user, at: now.toISOString() }, input.familyId, input, party, null);
      return loadNetwork(db, input.familyId);
    },
  },

  'network:followUp': {
    audit: { action: 'change', subject: 'opfølgning på netværksaftale', detail: (input) => ({ agreementId: input.agreementId, status: input.status }) },
    write: true,
    async run({ db, user, now, families }, input) {
      const familyId = await families.record('network_agreements', input.agreementId, 'Aftalen findes ikke.');
      await requireOpenFamily(db, familyId);
      await insertFollowUp({ db, user, at: now.toISOString() }, input, null);
      return loadNetwork(db, familyId);
    },
  },
});
