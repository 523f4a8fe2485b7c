import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/** Iterations of the stored verifier (PostgreSQL's default is 4096; the pg client accepts up to 100,000). */
const ITERATIONS = 16_384;

/**
 * SASLprep as the pg client applies it before SCRAM (non-ASCII spaces to space, "mapped to nothing" removed, NFKC),
 * so a verifier made here matches what the client proves at login.
 */
function saslprep(password: string): string {
  // eslint-disable-next-line no-misleading-character-class
  return password.replace(/[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g, ' ').replace(/[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g, '').normalize('NFKC');
}

/**
 * A SCRAM-SHA-256 verifier for a password, in PostgreSQL's stored form. Made on the workstation, so the server and its
 * statement log never see the password itself.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  const salted = pbkdf2Sync(saslprep(password), salt, ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
