import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './files';
import { deriveKey, newKdfParams, newSlotKeyPair, open, openWith, seal, sealTo, type KdfParams, type Sealed, type SealedTo } from './crypto';

/**
 * The key file beside the database. It holds the random data key only in wrapped form, one slot per active user and
 * one recovery slot. A slot (format 2) is a key pair: its private half sealed under a key derived from the password
 * (or the recovery code), and the data key sealed to its public half. So a re-key can seal a new data key to every
 * current slot without anybody's password, and whoever kept an old slot can open only the old key.
 *
 * Every sealed part is bound (AES-GCM associated data) to the database id, the slot's kind and id, its user id and its
 * login lookup: editing any of them in the file makes the slot fail to open. Which slots are valid at all is decided
 * by the list inside the database (`key_slots`), never by this file alone.
 */
const base64 = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9+/]*={0,2}$/);
const sealedShape = { iv: base64(32), tag: base64(32), data: base64(4096) };
const kdfSchema = z.object({
  name: z.literal('scrypt'),
  // Bounded so that an edited file cannot make a login allocate gigabytes.
  N: z.number().int().min(1 << 10).max(1 << 20).refine((n) => (n & (n - 1)) === 0),
  r: z.number().int().min(1).max(16),
  p: z.number().int().min(1).max(4),
  salt: base64(64),
});
const common = {
  id: z.uuid(),
  kind: z.enum(['user', 'recovery']),
  userId: z.number().int().positive().optional(),
  lookup: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  kdf: kdfSchema,
  createdAt: z.string().max(40),
};
const slotV2Schema = z.object({
  v: z.literal(2),
  ...common,
  privateKey: z.object(sealedShape),
  /** Sealed under the same password key but bound to the slot's identity only: tells an edited slot from a wrong password. */
  check: z.object(sealedShape),
  publicKey: base64(200),
  dataKeys: z.array(z.object({ keyId: z.uuid(), ephemeral: base64(200), ...sealedShape })).min(1).max(4),
});
/** Format 1 (before slots were bound to their user): the data key sealed directly under the password. */
const legacySlotSchema = z.object({ ...common, ...sealedShape });
const keyFileSchema = z.object({
  format: z.literal('familiespor-keyfile'),
  version: z.union([z.literal(1), z.literal(2)]),
  databaseId: z.uuid(),
  institutionName: z.string().max(200),
  eventPublicKey: z.string().max(2000),
  slots: z.array(z.union([slotV2Schema, legacySlotSchema])).max(1000),
});

export type SlotV2 = z.infer<typeof slotV2Schema>;
export type LegacySlot = z.infer<typeof legacySlotSchema>;
export type Slot = SlotV2 | LegacySlot;
export type KeyFile = Omit<z.infer<typeof keyFileSchema>, 'version'> & { version: 1 | 2 };
export type SlotInit = { kind: 'user'; userId: number; loginName: string } | { kind: 'recovery' };

export const KEYFILE_NAME = 'familiespor.keys.json';

export class KeyFileDamagedError extends Error {
  constructor(reason: string) {
    super(`The key file is damaged or not a Familiespor key file (${reason})`);
  }
}

export function isV2(slot: Slot): slot is SlotV2 {
  return 'v' in slot && slot.v === 2;
}

export function loginLookup(databaseId: string, loginName: string): string {
  return createHash('sha256').update(`${databaseId}:${loginName.trim().toLocaleLowerCase('da')}`).digest('hex');
}

/** The slot's identity alone (database, kind, id): what the `check` part is bound to. */
function identity(file: Pick<KeyFile, 'databaseId'>, slot: Pick<Slot, 'id' | 'kind'>): string {
  return `familiespor:v2:${file.databaseId}:${slot.kind}:${slot.id}`;
}

/** What every sealed part of a slot is bound to. */
function binding(file: Pick<KeyFile, 'databaseId'>, slot: Pick<Slot, 'id' | 'kind' | 'userId' | 'lookup'>): string {
  return `familiespor:v2:${file.databaseId}:${slot.kind}:${slot.id}:${slot.userId ?? ''}:${slot.lookup ?? ''}`;
}

function dataKeyBinding(file: Pick<KeyFile, 'databaseId'>, slot: Pick<Slot, 'id' | 'kind' | 'userId' | 'lookup'>, keyId: string): string {
  return `${binding(file, slot)}:data:${keyId}`;
}

export function readKeyFile(dataDir: string): KeyFile | null {
  const file = path.join(dataDir, KEYFILE_NAME);
  let text: string;
  try {
    if (fs.statSync(file).size > 4 * 1024 * 1024) throw new KeyFileDamagedError('too large');
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyFileDamagedError('not JSON');
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new KeyFileDamagedError(parsed.error.issues[0]?.path.join('.') ?? 'format');
  return parsed.data;
}

export function writeKeyFile(dataDir: string, keyFile: KeyFile): void {
  writeFileAtomic(path.join(dataDir, KEYFILE_NAME), JSON.stringify({ ...keyFile, version: 2 }, null, 2));
}

/** Makes a slot for a user or the recovery code that opens the data key `dataKey` (id `keyId`). */
export async function makeSlot(file: Pick<KeyFile, 'databaseId'>, dataKey: Buffer, keyId: string, secret: string, init: SlotInit, scryptN?: number): Promise<SlotV2> {
  const kdf = newKdfParams(scryptN);
  const head = {
    id: randomUUID(),
    kind: init.kind,
    ...(init.kind === 'user' ? { userId: init.userId, lookup: loginLookup(file.databaseId, init.loginName) } : {}),
  };
  const pair = newSlotKeyPair();
  const wrappingKey = await deriveKey(secret, kdf);
  try {
    return {
      v: 2,
      ...head,
      kdf,
      createdAt: new Date().toISOString(),
      privateKey: seal(wrappingKey, pair.privateKey, binding(file, head)),
      check: seal(wrappingKey, Buffer.from('familiespor'), identity(file, head)),
      publicKey: pair.publicKey.toString('base64'),
      dataKeys: [{ keyId, ...sealTo(pair.publicKey, dataKey, dataKeyBinding(file, head, keyId)) }],
    };
  } finally {
    wrappingKey.fill(0);
    pair.privateKey.fill(0);
  }
}

/** Seals a (new) data key to a slot's public key, as recorded in the database. */
export function sealDataKey(file: Pick<KeyFile, 'databaseId'>, slot: SlotV2, publicKey: string, dataKey: Buffer, keyId: string): SlotV2['dataKeys'][number] {
  return { keyId, ...sealTo(Buffer.from(publicKey, 'base64'), dataKey, dataKeyBinding(file, slot, keyId)) };
}

export type Unwrapped = { keys: Array<{ keyId: string | null; key: Buffer }> } | { wrongSecret: true } | { edited: true };

/**
 * The data keys a secret opens from a slot: every sealed copy (more than one only during a re-key). `wrongSecret`
 * when the secret does not fit; `edited` when it fits the slot but the slot's bound fields (user id, login lookup) or
 * sealed parts were changed in the file.
 */
export async function unwrapSlot(file: KeyFile, slot: Slot, secret: string): Promise<Unwrapped> {
  const wrappingKey = await deriveKey(secret, slot.kdf);
  try {
    if (!isV2(slot)) {
      const key = open(wrappingKey, slot, `familiespor:${file.databaseId}:${slot.kind}:${slot.id}`);
      return key ? { keys: [{ keyId: null, key }] } : { wrongSecret: true };
    }
    const privateKey = open(wrappingKey, slot.privateKey, binding(file, slot));
    if (!privateKey) {
      const fits = open(wrappingKey, slot.check, identity(file, slot));
      return fits ? { edited: true } : { wrongSecret: true };
    }
    try {
      const publicKey = Buffer.from(slot.publicKey, 'base64');
      const keys: Array<{ keyId: string; key: Buffer }> = [];
      for (const sealed of slot.dataKeys) {
        const key = openWith(privateKey, publicKey, sealed as SealedTo, dataKeyBinding(file, slot, sealed.keyId));
        if (key) keys.push({ keyId: sealed.keyId, key });
      }
      return keys.length ? { keys } : { edited: true };
    } finally {
      privateKey.fill(0);
    }
  } finally {
    wrappingKey.fill(0);
  }
}

export type { KdfParams, Sealed };
