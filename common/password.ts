/** The password rule shared by the setup form, the backend and the change-password form. */
export const PASSWORD_MIN_LENGTH = 10;

const common = new Set([
  'password123', 'adgangskode', 'adgangskode1', 'adgangskode123', 'qwertyuiop', '1234567890', '0123456789',
  'familiespor', 'sommer2026', 'vinter2026', 'efterår2026', 'forår2026', 'velkommen1', 'velkommen123',
]);

/** Returns a Danish explanation of what is wrong, or null when the password is acceptable. */
export function passwordProblem(password: string, loginName?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Adgangskoden skal have mindst ${PASSWORD_MIN_LENGTH} tegn.`;
  if (password.length > 200) return 'Adgangskoden må højst have 200 tegn.';
  if (new Set(password).size < 5) return 'Adgangskoden skal indeholde mindst 5 forskellige tegn.';
  const lower = password.toLocaleLowerCase('da');
  if (common.has(lower)) return 'Adgangskoden er for almindelig. Vælg en anden.';
  if (loginName && loginName.length >= 3 && lower.includes(loginName.toLocaleLowerCase('da'))) {
    return 'Adgangskoden må ikke indeholde brugernavnet.';
  }
  return null;
}
