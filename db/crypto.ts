import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt as scryptCb,
  type ScryptOptions,
} from 'node:crypto';

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

const TAG_LENGTH = 16;

/** Returns null when the key is wrong or the data was tampered with (including a shortened tag). */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  try {
    const tag = Buffer.from(sealed.tag, 'base64');
    const iv = Buffer.from(sealed.iv, 'base64');
    // GCM accepts tags down to 4 bytes unless told otherwise: a truncated tag would be far easier to forge.
    if (tag.length !== TAG_LENGTH || iv.length !== 12) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** A data key sealed to an X25519 public key: an ephemeral key pair, ECDH, HKDF-SHA256, AES-256-GCM. */
export interface SealedTo extends Sealed {
  /** The ephemeral public key (SPKI DER, base64). */
  ephemeral: string;
}

/** A key pair per slot: the private half is sealed under the password; the data key is sealed to the public half. */
export function newSlotKeyPair(): { publicKey: Buffer; privateKey: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519', {
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return { publicKey, privateKey };
}

function envelopeKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), 'familiespor slot envelope v2', 32));
}

/** Seals `plaintext` so that only the holder of the private half of `publicKeyDer` can open it. */
export function sealTo(publicKeyDer: Buffer, plaintext: Buffer, aad: string): SealedTo {
  const recipient = createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' });
  const eph = generateKeyPairSync('x25519');
  const ephemeral = eph.publicKey.export({ type: 'spki', format: 'der' });
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: recipient });
  const key = envelopeKey(shared, ephemeral, publicKeyDer);
  try {
    return { ephemeral: ephemeral.toString('base64'), ...seal(key, plaintext, aad) };
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}

/** Opens what sealTo sealed; null when the key does not fit or anything was changed. */
export function openWith(privateKeyDer: Buffer, publicKeyDer: Buffer, sealed: SealedTo, aad: string): Buffer | null {
  let shared: Buffer | null = null;
  let key: Buffer | null = null;
  try {
    const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
    const ephemeralDer = Buffer.from(sealed.ephemeral, 'base64');
    const ephemeral = createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' });
    shared = diffieHellman({ privateKey, publicKey: ephemeral });
    key = envelopeKey(shared, ephemeralDer, publicKeyDer);
    return open(key, sealed, aad);
  } catch {
    return null;
  } finally {
    key?.fill(0);
    shared?.fill(0);
  }
}

const RECOVERY_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: easy to read back from paper

/** 25 symbols from a 32-letter alphabet (125 bits), shown as five groups of five. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(25);
  const symbols = [...bytes].map((b) => RECOVERY_ALPHABET[b & 31]).join('');
  return Array.from({ length: 5 }, (_, i) => symbols.slice(i * 5, i * 5 + 5)).join('-');
}

/**
 * A one-time password handed out on paper (after a move to the institution's server): 12 symbols from the same
 * easy-to-read alphabet (60 bits) in three groups of four; the user chooses their own at the first login.
 */
export function newOneTimePassword(): string {
  const symbols = [...randomBytes(12)].map((b) => RECOVERY_ALPHABET[b & 31]).join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8, 12)}`;
}

/** Accepts the code typed with spaces, lower case or without dashes. */
export function normalizeRecoveryCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return (compact.match(/.{1,5}/g) ?? []).join('-');
}
