import { describe, expect, it } from 'vitest';
import { addDays } from '../../common/age';
import { todayIso } from '../../common/dates';
import { attempt, createUser, loginAs, must, setUp, tableChecksums, behindTheAppsBack } from '../helpers';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };

describe('udviklingsmål', () => {
  it('goals in the parents\' words, appended revisions and reviews, observations linked and listed under the goal', async () => {
    const { backend } = await setUp();
    const bentId = await createUser(backend, BENT);
    const today = todayIso();
    const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
    const family = await must(backend, 'families:create', {
      displayName: 'Familien Holm',
      startDate: addDays(today, -60),
      persons: [
        { kind: 'mother', name: 'Mette Holm' },
        { kind: 'child', name: 'Ida Holm', birthDate: addDays(today, -90) },
      ],
    });
    const other = await must(backend, 'families:create', { displayName: 'Familien Berg', startDate: addDays(today, -60), persons: [{ kind: 'mother', name: 'Mor Berg' }] });
    const mette = family.persons.find((p) => p.name === 'Mette Holm')!.id;
    await loginAs(backend, BENT.loginName, BENT.password);

    const invalid = await attempt(backend, 'goals:create', { familyId: family.id, text: ' ', area: 'other', startDate: addDays(today, -40), targetDate: addDays(today, -50), scaleMin: 5, scaleMax: 5 });
    expect(invalid.ok ? null : invalid.error.issues?.map((i) => i.message).sort()).toEqual(
      ['Målet skal udfyldes.', 'Måldatoen ligger før startdatoen.', 'Skalaens højeste trin skal være større end det laveste.', 'Skriv hvilket område.'].sort(),
    );
    const beforeStart = await attempt(backend, 'goals:create', { familyId: family.id, text: 'Mål', area: 'network', startDate: addDays(today, -70) });
    expect(beforeStart.ok ? null : beforeStart.error.message).toBe('Startdatoen ligger før forløbets start.');

    // "e\u0301" (e + combining accent) is stored as one letter (NFC).
    const goal = await must(backend, 'goals:create', {
      familyId: family.id,
      text: 'Jeg vil kunne se, hvornår Ida er træt, og lægge hende i seng i tide (ide\u0301)',
      area: 'interaction',
      startDate: addDays(today, -40),
      targetDate: addDays(today, 50),
      scaleLowLabel: 'Slet ikke',
      scaleHighLabel: 'Hver gang',
    });
    expect(goal).toMatchObject({ status: 'active', scale: { min: 0, max: 10, lowLabel: 'Slet ikke', highLabel: 'Hver gang' }, reviewEveryDays: 28, reviews: [], observations: [] });
    expect(goal.text.endsWith('(idé)')).toBe(true);
    // Started 40 days ago, never reviewed: the review was due after four weeks.
    expect(goal.reviewDue).toEqual({ dueOn: addDays(today, -12), overdue: true });

    const revised = await must(backend, 'goals:revise', {
      goalId: goal.id,
      text: 'Jeg vil se, når Ida bliver træt, og lægge hende, før hun græder',
      area: 'interaction',
      startDate: addDays(today, -40),
      targetDate: addDays(today, 50),
      status: 'active',
      reason: 'Mettes egne ord efter samtalen',
    });
    expect(revised.revisions.map((r) => [r.status, r.reason])).toEqual([['active', null], ['active', 'Mettes egne ord efter samtalen']]);
    expect(revised.text).toBe('Jeg vil se, når Ida bliver træt, og lægge hende, før hun græder');
    const unchanged = await attempt(backend, 'goals:revise', { goalId: goal.id, text: revised.text, area: 'interaction', startDate: addDays(today, -40), targetDate: addDays(today, 50), status: 'active', reason: 'Ingen' });
    expect(unchanged.ok ? null : unchanged.error.message).toBe('Intet er ændret.');

    // A review: the staff's score beside the parents' own, who took part.
    const noScore = await attempt(backend, 'goals:review', { goalId: goal.id, reviewedOn: addDays(today, -5) });
    expect(noScore.ok ? null : noScore.error.issues?.map((i) => i.message)).toEqual(['Angiv en score: medarbejdernes, forældrenes eller begge.']);
    const before = await tableChecksums(backend);
    const outOfScale = await attempt(backend, 'goals:review', { goalId: goal.id, reviewedOn: addDays(today, -5), staffScore: 11, parentScore: -1, participantPersonIds: [other.persons[0]!.id] });
    expect(outOfScale.ok ? null : outOfScale.error.issues?.map((i) => i.message)).toEqual(['Scoren skal være mellem 0 og 10.', 'Scoren skal være mellem 0 og 10.', 'En valgt person hører ikke til familien.']);
    expect(await tableChecksums(backend)).toEqual(before);
    const reviewed = await must(backend, 'goals:review', {
      goalId: goal.id,
      reviewedOn: addDays(today, -5),
      staffScore: 4,
      parentScore: 6,
      parentComment: 'Jeg kan mærke det, når hun gnider øjnene',
      note: 'Mor ser tegnene oftere; brug for støtte om aftenen.',
      participantPersonIds: [mette],
      participantUserIds: [bentId],
      otherParticipants: ['Sundhedsplejerske Karin'],
    });
    expect(reviewed.reviews.map((r) => [r.reviewedOn, r.staffScore, r.parentScore, r.participants.map((p) => [p.kind, p.name])])).toEqual([
      [addDays(today, -5), 4, 6, [['person', 'Mette Holm'], ['staff', BENT.loginName], ['other', 'Sundhedsplejerske Karin']]],
    ]);
    expect(reviewed.reviewDue).toEqual({ dueOn: addDays(today, 23), overdue: false });

    // Observations: a signed note of the same family is linked and listed under the goal.
    const note = (familyId: number, text: string) => ({ familyId, observedAt: new Date(Date.now() - 60_000).toISOString(), shift: 'day' as const, categoryId, personIds: [], text, concern: 'none' as const });
    const observation = await must(backend, 'journal:sign', note(family.id, 'Mette så, at Ida gned øjnene, og lagde hende.'));
    const linked = await must(backend, 'goals:linkObservation', { goalId: goal.id, observationId: observation.id });
    expect(linked.observations.map((o) => [o.observation.id, o.linkedBy.name])).toEqual([[observation.id, BENT.loginName]]);
    const again = await attempt(backend, 'goals:linkObservation', { goalId: goal.id, observationId: observation.id });
    expect(again.ok ? null : again.error.message).toBe('Notatet er allerede knyttet til målet.');
    const foreign = await must(backend, 'journal:sign', note(other.id, 'Notat i en anden familie'));
    const wrong = await attempt(backend, 'goals:linkObservation', { goalId: goal.id, observationId: foreign.id });
    expect(wrong.ok ? null : wrong.error.message).toBe('Notatet hører ikke til målets familie.');

    // Signing with goals: one transaction, the journal:sign contract untouched.
    const second = await must(backend, 'goals:create', { familyId: family.id, text: 'Vi vil bede mormor om hjælp om fredagen', area: 'network', startDate: addDays(today, -10) });
    const signed = await must(backend, 'goals:signObservation', { ...note(family.id, 'Mormor kom fredag og tog Ida en tur.'), goalIds: [goal.id, second.id] });
    expect(signed.goalIds).toEqual([goal.id, second.id]);
    expect(await must(backend, 'goals:list', { familyId: other.id })).toEqual([]);
    const before2 = await tableChecksums(backend);
    const mixed = await attempt(backend, 'goals:signObservation', { ...note(other.id, 'Skal ikke gemmes'), goalIds: [goal.id] });
    expect(mixed.ok ? null : mixed.error.message).toBe('Målet hører ikke til notatets familie.');
    expect(await tableChecksums(backend)).toEqual(before2);

    const goals = await must(backend, 'goals:list', { familyId: family.id });
    expect(goals.map((g) => [g.id, g.observations.map((o) => o.observation.text)])).toEqual([
      [goal.id, ['Mormor kom fredag og tog Ida en tur.', 'Mette så, at Ida gned øjnene, og lagde hende.']],
      [second.id, ['Mormor kom fredag og tog Ida en tur.']],
    ]);

    // Reaching the goal: a revision with the new status; a reached goal has no review due.
    const achieved = await must(backend, 'goals:revise', { goalId: goal.id, text: revised.text, area: 'interaction', startDate: addDays(today, -40), targetDate: addDays(today, 50), status: 'achieved', reason: 'Nået ved opfølgningen' });
    expect(achieved).toMatchObject({ status: 'achieved', reviewDue: null, targetPassed: false });

    for (const table of ['goals', 'goal_revisions', 'goal_reviews', 'goal_review_participants', 'goal_observations']) {
      await expect(behindTheAppsBack(backend, `update ${table} set ${table === 'goal_observations' ? 'linked_at' : table === 'goal_review_participants' ? 'name' : 'created_at'} = 'x'`), table).rejects.toThrow(/append-only/);
      await expect(behindTheAppsBack(backend, `delete from ${table}`), table).rejects.toThrow(/append-only/);
    }
    await backend.close();
  });
});
