import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deriveKey, newKdfParams, open, seal, type KdfParams, type Sealed } from './crypto';

/**
 * The key file beside the database. It holds the random data key only in wrapped form:
 * one slot per active user (wrapped under a key derived from that user's password) and one
 * recovery slot (wrapped under a key derived from the recovery code).
 */
export interface Slot extends Sealed {
  id: string;
  kind: 'user' | 'recovery';
  /** users.id for a user slot. */
  userId?: number;
  /** SHA-256 of the normalised login name, so the file does not list staff login names. */
  lookup?: string;
  kdf: KdfParams;
  createdAt: string;
}

export interface KeyFile {
  format: 'familiespor-keyfile';
  version: 1;
  databaseId: string;
  /** Shown on the login screen, so it is not secret. */
  institutionName: string;
  /** Public half of the key that seals events (failed logins) while the database is closed. */
  eventPublicKey: string;
  slots: Slot[];
}

export const KEYFILE_NAME = 'familiespor.keys.json';

export function loginLookup(databaseId: string, loginName: string): string {
  return createHash('sha256').update(`${databaseId}:${loginName.trim().toLocaleLowerCase('da')}`).digest('hex');
}

function aad(file: Pick<KeyFile, 'databaseId'>, slot: Pick<Slot, 'id' | 'kind'>): string {
  return `familiespor:${file.databaseId}:${slot.kind}:${slot.id}`;
}

export function readKeyFile(dataDir: string): KeyFile | null {
  const file = path.join(dataDir, KEYFILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = JSON.parse(text) as KeyFile;
  if (parsed.format !== 'familiespor-keyfile' || parsed.version !== 1) throw new Error('Unknown key file format');
  return parsed;
}

/** Write temp, fsync, rename, fsync the folder: a crash leaves either the old or the new file. */
export function writeKeyFile(dataDir: string, keyFile: KeyFile): void {
  const target = path.join(dataDir, KEYFILE_NAME);
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(keyFile, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
  try {
    const dirFd = fs.openSync(dataDir, 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch {
    // Windows cannot open a directory for fsync; the rename is atomic there.
  }
}

export async function makeSlot(
  file: Pick<KeyFile, 'databaseId'>,
  dataKey: Buffer,
  secret: string,
  init: { kind: 'user'; userId: number; loginName: string } | { kind: 'recovery' },
  scryptN?: number,
): Promise<Slot> {
  const kdf = newKdfParams(scryptN);
  const id = randomUUID();
  const wrappingKey = await deriveKey(secret, kdf);
  try {
    const sealed = seal(wrappingKey, dataKey, aad(file, { id, kind: init.kind }));
    const base = { id, kind: init.kind, kdf, createdAt: new Date().toISOString(), ...sealed };
    return init.kind === 'user'
      ? { ...base, userId: init.userId, lookup: loginLookup(file.databaseId, init.loginName) }
      : base;
  } finally {
    wrappingKey.fill(0);
  }
}

/** Returns the data key, or null when the secret is wrong. */
export async function unwrapSlot(file: KeyFile, slot: Slot, secret: string): Promise<Buffer | null> {
  const wrappingKey = await deriveKey(secret, slot.kdf);
  try {
    return open(wrappingKey, slot, aad(file, slot));
  } finally {
    wrappingKey.fill(0);
  }
}
