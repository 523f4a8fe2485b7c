import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendCore } from '../../main/core/backend';
import { attempt, must, setUp, tableChecksums, behindTheAppsBack } from '../helpers';
import { daysFromToday, personInput } from '../plan-fixtures';

let backend: BackendCore;
let ærø: { id: number; motherId: number };
let other: number;

beforeAll(async () => {
  ({ backend } = await setUp());
  const a = await must(backend, 'families:create', { displayName: 'Familien Ærø', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor Ærø' }, { kind: 'child', name: 'Liva', birthDate: '2026-09-20' }] });
  ærø = { id: a.id, motherId: a.persons[0]!.id };
  other = (await must(backend, 'families:create', { displayName: 'Familien Åberg', startDate: '2026-10-05', persons: [{ kind: 'mother', name: 'Mor Åberg' }] })).id;
});
afterAll(() => backend.close());

describe('the family network', () => {
  it('keeps persons with relation, help, support or strain and closeness, and gives the network map its data', async () => {
    // Typed with a combining ring (NFD): stored as the one letter.
    const decomposed = 'Nabo Ja\u030Anes';
    await must(backend, 'network:addPerson', { ...personInput(ærø.id), relatedToPersonId: ærø.motherId });
    await must(backend, 'network:addPerson', { familyId: ærø.id, name: decomposed, relation: 'neighbour', closeness: 3, support: 'strains', helpWith: [] });
    const net = await must(backend, 'network:addPerson', { familyId: ærø.id, name: 'Mødregruppen i Greve', relation: 'mothers_group', closeness: 2, support: 'supports', helpWith: ['emotional'], helpNote: 'Mødes hver torsdag' });
    expect(net.persons.map((p) => [p.name, p.closeness, p.kind, p.sector, p.support])).toEqual([
      ['Mormor Grethe', 1, 'private', 'family', 'supports'],
      ['Mødregruppen i Greve', 2, 'private', 'community', 'supports'],
      ['Nabo Jånes', 3, 'private', 'friends', 'strains'],
    ]);
    expect(net.persons[2]!.name).toBe('Nabo Jånes'.normalize('NFC'));
    expect(net.persons[0]!.relatedTo).toEqual({ personId: ærø.motherId, name: 'Mor Ærø' });
    expect(net.map.centre).toMatchObject({ familyId: ærø.id, name: 'Familien Ærø' });
    expect(net.map.rings.map((r) => r.label)).toEqual(['Tæt på', 'Et stykke fra', 'Længere væk']);
    expect(net.map.placements.map((p) => [p.caption, p.sector, p.support])).toEqual([
      ['mormor', 'family', 'supports'],
      ['Mødregruppe / forældregruppe', 'community', 'supports'],
      ['Nabo', 'friends', 'strains'],
    ]);

    const bad = await attempt(backend, 'network:addPerson', { familyId: ærø.id, name: '', relation: 'friend', closeness: 4, support: 'x', helpWith: [], email: 'grethe@', phone: '1'.repeat(41) });
    expect(bad.ok ? [] : bad.error.issues?.map((i) => i.message).sort()).toEqual(
      ['Angiv en gyldig e-mailadresse.', 'Navn skal udfyldes.', 'Telefon må højst have 40 tegn.', 'Vælg hvor tæt personen er på familien.', 'Vælg om relationen støtter eller belaster.'].sort(),
    );
    const foreignMother = (await must(backend, 'families:get', { familyId: other })).persons[0]!.id;
    const wrongFamily = await attempt(backend, 'network:addPerson', { ...personInput(ærø.id), relatedToPersonId: foreignMother });
    expect(wrongFamily.ok ? null : wrongFamily.error.issues).toEqual([{ path: 'relatedToPersonId', message: 'Personen hører ikke til familien.' }]);

    // Removed from the map, kept for what refers to them.
    const neighbour = net.persons.find((p) => p.relation === 'neighbour')!;
    const after = await must(backend, 'network:removePerson', { networkPersonId: neighbour.id, reason: 'Flyttet' });
    expect(after.map.placements.map((p) => p.name)).not.toContain('Nabo Jånes');
    expect(after.persons.at(-1)).toMatchObject({ name: 'Nabo Jånes', removedReason: 'Flyttet' });
    await expect(behindTheAppsBack(backend, 'delete from network_persons')).rejects.toThrow(/never deleted/);
  });

  it('agreements link to network persons, are followed up over time, and a link to another family\'s person is refused', async () => {
    const mormor = (await must(backend, 'network:get', { familyId: ærø.id })).persons.find((p) => p.name === 'Mormor Grethe')!;
    const strangerNet = await must(backend, 'network:addPerson', personInput(other, 'Åbergs moster'));
    const stranger = strangerNet.persons[0]!.id;

    const before = await tableChecksums(backend);
    const refused = await attempt(backend, 'network:addAgreement', { familyId: ærø.id, responsible: { kind: 'network', networkPersonId: stranger }, what: 'Passer Liva' });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'responsible', message: 'Personen hører ikke til familiens netværk.' }] });
    expect(await tableChecksums(backend)).toEqual(before);

    const net = await must(backend, 'network:addAgreement', { familyId: ærø.id, responsible: { kind: 'network', networkPersonId: mormor.id }, what: 'Passer Liva tirsdag', when: 'Tirsdage 14–17', dueDate: daysFromToday(14) });
    const agreement = net.agreements[0]!;
    expect(agreement).toMatchObject({ status: 'open', followUps: [], when: 'Tirsdage 14–17', responsible: { kind: 'network', networkPersonId: mormor.id, name: 'Mormor Grethe', role: 'mormor' } });
    expect(net.map.placements.find((p) => p.networkPersonId === mormor.id)?.openAgreements).toBe(1);

    const notKept = await attempt(backend, 'network:followUp', { agreementId: agreement.id, status: 'not_kept' });
    expect(notKept.ok ? null : notKept.error.issues?.[0]?.message).toBe('Skriv kort hvad der skete, når en aftale ikke er overholdt.');
    await must(backend, 'network:followUp', { agreementId: agreement.id, status: 'not_kept', note: 'Mormor var syg.' });
    const kept = await must(backend, 'network:followUp', { agreementId: agreement.id, status: 'kept', note: 'Passede Liva to tirsdage.' });
    expect(kept.agreements[0]!.status).toBe('kept');
    expect(kept.agreements[0]!.followUps.map((f) => [f.status, f.note])).toEqual([
      ['not_kept', 'Mormor var syg.'],
      ['kept', 'Passede Liva to tirsdage.'],
    ]);
    await expect(behindTheAppsBack(backend, "update network_agreements set what = 'x'")).rejects.toThrow(/append-only/);
    await expect(behindTheAppsBack(backend, "update network_agreement_followups set status = 'kept'")).rejects.toThrow(/append-only/);
    await expect(behindTheAppsBack(backend, 'delete from network_agreement_followups')).rejects.toThrow(/append-only/);
  });

  it('a netværksmøde records participants, topics, new agreements and the follow-up of earlier ones; corrections are appended', async () => {
    const net = await must(backend, 'network:get', { familyId: ærø.id });
    const mormor = net.persons.find((p) => p.name === 'Mormor Grethe')!;
    const earlier = net.agreements[0]!;
    const familyTeam = (await must(backend, 'families:get', { familyId: ærø.id })).team[0]!;
    const foreignAgreement = (await must(backend, 'network:addAgreement', { familyId: other, responsible: { kind: 'other', name: 'Nabo' }, what: 'Handler ind' })).agreements[0]!;

    const input = {
      familyId: ærø.id,
      heldOn: daysFromToday(-2),
      participants: [{ kind: 'family' as const, personId: ærø.motherId }, { kind: 'network' as const, networkPersonId: mormor.id }, { kind: 'team' as const, teamMemberId: familyTeam.id }],
      topics: ['Nætterne', 'Weekenderne hjemme'],
      summary: 'Mor fortalte om nætterne.',
      agreements: [{ responsible: { kind: 'network' as const, networkPersonId: mormor.id }, what: 'Sover hos familien første weekend', dueDate: daysFromToday(10) }],
      followUps: [{ agreementId: earlier.id, status: 'kept' as const, note: 'Gennemgået på mødet' }],
    };
    const before = await tableChecksums(backend);
    const future = await attempt(backend, 'networkMeetings:create', { ...input, heldOn: daysFromToday(3) });
    expect(future.ok ? null : future.error.issues?.[0]?.message).toBe('Mødet ligger i fremtiden. Skriv referatet, når mødet er holdt.');
    const foreign = await attempt(backend, 'networkMeetings:create', { ...input, followUps: [{ agreementId: foreignAgreement.id, status: 'kept' }] });
    expect(foreign.ok ? null : foreign.error.issues).toEqual([{ path: 'followUps.0.agreementId', message: 'Aftalen hører ikke til familien.' }]);
    expect(await tableChecksums(backend)).toEqual(before);

    const meeting = await must(backend, 'networkMeetings:create', input);
    expect(meeting.participants.map((p) => [p.kind, p.name, p.role])).toEqual([
      ['family', 'Mor Ærø', 'Mor'],
      ['network', 'Mormor Grethe', 'mormor'],
      ['team', familyTeam.name, 'Familiebehandler'],
    ]);
    expect(meeting.topics).toEqual(['Nætterne', 'Weekenderne hjemme']);
    expect(meeting.agreements.map((a) => [a.what, a.meetingId, a.status])).toEqual([['Sover hos familien første weekend', meeting.id, 'open']]);
    expect(meeting.followUps.map((f) => [f.agreementId, f.status, f.meetingId])).toEqual([[earlier.id, 'kept', meeting.id]]);

    const amended = await must(backend, 'networkMeetings:amend', { meetingId: meeting.id, reason: 'Manglede en deltager', text: 'Far deltog over telefon.' });
    expect(amended.amendments.map((a) => a.text)).toEqual(['Far deltog over telefon.']);
    expect(amended.summary).toBe('Mor fortalte om nætterne.');
    const overview = await must(backend, 'network:get', { familyId: ærø.id });
    expect(overview.meetings[0]).toMatchObject({ id: meeting.id, participants: 3, agreements: 1 });
    expect(overview.agreements.find((a) => a.id === earlier.id)?.followUps.map((f) => f.status)).toEqual(['not_kept', 'kept', 'kept']);
    for (const table of ['network_meetings', 'network_meeting_participants', 'network_meeting_amendments']) {
      await expect(behindTheAppsBack(backend, `update ${table} set id = id`)).rejects.toThrow(/append-only/);
      await expect(behindTheAppsBack(backend, `delete from ${table}`)).rejects.toThrow(/append-only/);
    }
  });

  it('a closed family\'s network can be read, not changed', async () => {
    await must(backend, 'families:close', { familyId: other, endDate: daysFromToday(0), outcome: 'own_home' });
    expect((await must(backend, 'network:get', { familyId: other })).persons).toHaveLength(1);
    const result = await attempt(backend, 'network:addPerson', personInput(other, 'Ny person'));
    expect(result.ok ? null : result.error.code).toBe('conflict');
  });
});
