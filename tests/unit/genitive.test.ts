import { describe, expect, it } from 'vitest';
import { genitive } from '../../renderer/src/ui/format';

describe('a name as owner on screen (»Bent Bergs udgave«)', () => {
  it('adds s, or only an apostrophe after s, x and z', () => {
    expect(genitive('Bent Berg')).toBe('Bent Bergs');
    expect(genitive('Astrid Ærø')).toBe('Astrid Ærøs');
    expect(genitive('Lars')).toBe("Lars'");
    expect(genitive('Anne Jens')).toBe("Anne Jens'");
    expect(genitive('Max')).toBe("Max'");
    expect(genitive('Inez ')).toBe("Inez'");
  });
});
