import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';

export interface KdfParams {
  name: 'scrypt';
  /** CPU/memory cost (power of two). */
  N: number;
  r: number;
  p: number;
  salt: string; // base64
}

/** Production cost: about 0.3 s and 128 MiB per attempt on an office PC. Tests may pass a lower N. */
export const DEFAULT_SCRYPT_N = 1 << 17;

export function newKdfParams(N = DEFAULT_SCRYPT_N): KdfParams {
  return { name: 'scrypt', N, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

export function deriveKey(secret: string, kdf: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCb(secret.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

/** AES-256-GCM with associated data binding the ciphertext to its slot. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Returns null when the key is wrong or the data was tampered with. */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

const RECOVERY_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: easy to read back from paper

/** 25 symbols from a 32-letter alphabet (125 bits), shown as five groups of five. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(25);
  const symbols = [...bytes].map((b) => RECOVERY_ALPHABET[b & 31]).join('');
  return symbols.match(/.{5}/g)!.join('-');
}

/** Accepts the code typed with spaces, lower case or without dashes. */
export function normalizeRecoveryCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return (compact.match(/.{1,5}/g) ?? []).join('-');
}
