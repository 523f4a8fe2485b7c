import { describe, expect, it } from 'vitest';
import { touchedBy } from '../../renderer/src/features/server/touchedBy';

describe('another workstation\'s note refreshes only what it changes', () => {
  it('that family\'s screens, the front page and search; not other families, settings or the status', () => {
    expect(touchedBy(['family', 7], 7)).toBe(true);
    expect(touchedBy(['timeline', { familyId: 7, limit: 50 }, null], 7)).toBe(true);
    expect(touchedBy(['front', 'handover', '2026-12-03T06:00'], 7)).toBe(true);
    expect(touchedBy(['search', 'whole', 'jordemor'], 7)).toBe(true);
    expect(touchedBy(['family', 8], 7)).toBe(false);
    expect(touchedBy(['timeline', { familyId: 8 }, null], 7)).toBe(false);
    expect(touchedBy(['settings'], 7)).toBe(false);
    expect(touchedBy(['status'], 7)).toBe(false);
    expect(touchedBy(['family', 7], null)).toBe(false);
  });
});
