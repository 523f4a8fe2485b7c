import type { ChannelInput } from '../common/channels';
import { todayIso } from '../common/dates';
import type { BackendCore } from '../main/core/backend';
import { must } from './helpers';

/** Sample network and plan data for tests: real inputs through the real channels. */

/** A date `days` days from today (negative: before). */
export function daysFromToday(days: number): string {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A network person's form, without the family. */
export function personFields(name = 'Mormor Grethe') {
  return { name, relation: 'parent', relationText: 'mormor', closeness: 1, support: 'supports', helpWith: ['childcare', 'night_or_acute'], phone: '20 30 40 50' } satisfies Omit<ChannelInput<'network:addPerson'>, 'familyId'>;
}

export function personInput(familyId: number, name = 'Mormor Grethe'): ChannelInput<'network:addPerson'> {
  return { familyId, ...personFields(name) };
}

/** A network person, an agreement with them and a netværksmøde in a family. */
export async function networkFixture(backend: BackendCore, familyId: number) {
  const network = await must(backend, 'network:addPerson', personInput(familyId));
  const networkPersonId = network.persons[0]!.id;
  const withAgreement = await must(backend, 'network:addAgreement', { familyId, responsible: { kind: 'network', networkPersonId }, what: 'Passer Liva tirsdag eftermiddag', when: 'Tirsdage kl. 14–17' });
  const meeting = await must(backend, 'networkMeetings:create', {
    familyId,
    heldOn: daysFromToday(-5),
    participants: [{ kind: 'network', networkPersonId }, { kind: 'other', name: 'Mor' }],
    topics: ['Nætterne', 'Hvem kan hjælpe i weekenden'],
  });
  return { networkPersonId, agreementId: withAgreement.agreements[0]!.id, meetingId: meeting.id };
}
