import { describe, expect, it } from 'vitest';
import { newRecoveryCode, normalizeRecoveryCode } from '../../db/crypto';
import { passwordProblem } from '../../common/password';

describe('recovery code', () => {
  it('is five groups of five readable symbols and survives being typed sloppily', () => {
    for (let i = 0; i < 200; i++) {
      const code = newRecoveryCode();
      expect(code).toMatch(/^([2-9A-HJ-NP-Z]{5}-){4}[2-9A-HJ-NP-Z]{5}$/);
      expect(normalizeRecoveryCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code);
    }
  });
});

describe('password rule', () => {
  it('explains in Danish what is wrong', () => {
    expect(passwordProblem('kort')).toBe('Adgangskoden skal have mindst 10 tegn.');
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('Adgangskoden skal indeholde mindst 5 forskellige tegn.');
    expect(passwordProblem('Adgangskode123')).toBe('Adgangskoden er for almindelig. Vælg en anden.');
    expect(passwordProblem('astrid er sej', 'astrid')).toBe('Adgangskoden må ikke indeholde brugernavnet.');
    expect(passwordProblem('grøn kaffe på bordet', 'astrid')).toBeNull();
  });
});
