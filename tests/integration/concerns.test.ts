import { describe, expect, it } from 'vitest';
import { ADMIN, attempt, createUser, loginAs, must, setUp, behindTheAppsBack } from '../helpers';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };

describe('concerns that lead somewhere', () => {
  it('a staff member records an underretning; it never changes, corrections are appended; the family shows the concern history', async () => {
    const { backend } = await setUp();
    await createUser(backend, BENT);
    const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
    const family = await must(backend, 'families:create', { displayName: 'Familien Ærø', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor Ærø' }] });
    await loginAs(backend, BENT.loginName, BENT.password);
    const concern = await must(backend, 'journal:sign', {
      familyId: family.id,
      observedAt: new Date(Date.now() - 60_000).toISOString(),
      shift: 'evening',
      categoryId,
      personIds: [],
      text: 'Far kom påvirket hjem.',
      concern: 'serious',
    });

    // Any staff member may record it: the skærpede underretningspligt is personal.
    const invalid = await attempt(backend, 'underretninger:create', { familyId: family.id, observationId: concern.id, sentOn: '2099-01-01', municipality: '', reason: '' });
    expect(invalid.ok ? null : invalid.error.issues?.map((i) => i.message).sort()).toEqual(['Begrundelse skal udfyldes.', 'Datoen ligger i fremtiden.', 'Kommune skal udfyldes.']);
    const u = await must(backend, 'underretninger:create', {
      familyId: family.id,
      observationId: concern.id,
      sentOn: '2026-11-30',
      municipality: 'Greve Kommune',
      recipient: 'Børne- og Familieafdelingen',
      reason: 'Far påvirket i hjemmet med spædbarn.',
    });
    expect(u).toMatchObject({ sentBy: { name: BENT.loginName }, municipality: 'Greve Kommune', amendments: [] });
    const amended = await must(backend, 'underretninger:amend', { underretningId: u.id, reason: 'Forkert dato', text: 'Sendt 29.11, ikke 30.11.' });
    expect(amended.amendments.map((a) => a.text)).toEqual(['Sendt 29.11, ikke 30.11.']);
    expect(amended.sentOn).toBe('2026-11-30');

    await expect(behindTheAppsBack(backend, "update underretninger set reason = 'x'")).rejects.toThrow(/append-only/);
    await expect(behindTheAppsBack(backend, 'delete from underretninger')).rejects.toThrow(/append-only/);
    await expect(behindTheAppsBack(backend, "update underretning_amendments set text = 'x'")).rejects.toThrow(/append-only/);

    // The leader acknowledges with what was done; the family's overview keeps the whole history.
    await loginAs(backend, ADMIN.loginName, ADMIN.password);
    await must(backend, 'concerns:acknowledge', { observationId: concern.id, actions: ['talked_with_family', 'underretning_sent'], note: 'Underretning sendt af Bent; talt med mor.' });
    const detail = await must(backend, 'families:get', { familyId: family.id });
    expect(detail.openConcerns).toEqual([]);
    expect(detail.concernHistory.map((o) => [o.id, o.acknowledgement?.actions])).toEqual([[concern.id, ['talked_with_family', 'underretning_sent']]]);
    expect(detail.underretninger.map((x) => x.id)).toEqual([u.id]);
    const log = (await must(backend, 'accessLog:list', { familyId: family.id })).entries;
    expect(log.some((e) => e.channel === 'underretninger:create' && e.subject === 'underretning registreret' && e.userName === BENT.loginName)).toBe(true);
    await backend.close();
  });
});
