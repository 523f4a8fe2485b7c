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

export function safetyInput(familyId: number, baseVersion: number | null, networkPersonId: number): ChannelInput<'safetyPlan:save'> {
  return {
    familyId,
    baseVersion,
    agreedOn: daysFromToday(-3),
    agreedBy: [{ kind: 'network', networkPersonId }, { kind: 'other', name: 'Mor', role: 'Mor' }],
    reason: 'Første sikkerhedsplan, aftalt på netværksmødet',
    worries: [{ text: 'At mor bliver så træt om natten, at hun ikke kan trøste Liva.' }],
    actions: [{ text: 'Mor lægger Liva i sengen og går ud af rummet et øjeblik.' }],
    contacts: [{ when: 'Hvis mor er ved at miste overblikket om natten', who: { kind: 'network', networkPersonId } }],
    signs: [{ text: 'Mor skriver "gul" til mormor.' }],
  };
}

export function dischargeInput(familyId: number, baseVersion: number | null, networkPersonId: number, steps?: ChannelInput<'discharge:save'>['steps']): ChannelInput<'discharge:save'> {
  return {
    familyId,
    baseVersion,
    reason: 'Planen lagt sammen med forældrene og sundhedsplejersken',
    destination: 'own_home',
    targetDate: daysFromToday(40),
    madeWith: [{ kind: 'other', name: 'Mor' }, { kind: 'network', networkPersonId }],
    steps: steps ?? [
      { title: 'Første dag hjemme', startsOn: daysFromToday(-10), responsible: { kind: 'other', name: 'Familiebehandler Bente' } },
      { title: 'Første weekend', startsOn: daysFromToday(0), endsOn: daysFromToday(2), responsible: { kind: 'network', networkPersonId }, description: 'Mormor kommer lørdag formiddag.' },
      { title: 'Flytning', startsOn: daysFromToday(30), responsible: { kind: 'other', name: 'Far' } },
    ],
    support: [{ service: 'Ambulant familiebehandling, Greve Kommune', contactName: 'Hanne Holm', contact: '43 97 00 00', handoverMeetingOn: daysFromToday(25), handedOver: 'Udslusningsplan, sikkerhedsplan og status på mål.' }],
  };
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

/** The network, and a safety plan (version 1) and a discharge plan (version 1) in a family. */
export async function networkAndPlans(backend: BackendCore, familyId: number) {
  const network = await networkFixture(backend, familyId);
  await must(backend, 'safetyPlan:save', safetyInput(familyId, null, network.networkPersonId));
  const plan = await must(backend, 'discharge:save', dischargeInput(familyId, null, network.networkPersonId));
  return { ...network, planVersion: plan.version, firstStepKey: plan.steps[0]!.key };
}
