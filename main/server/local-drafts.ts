import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { draftContentSchema, type Draft, type DraftContent } from '../../common/journal';
import { deriveKey, newKdfParams, open, seal, type KdfParams, type Sealed } from '../../db/crypto';
import { readSmallJson, writeFileAtomic } from '../../db/files';

/** One draft kept on this workstation: a server draft's id (positive) edited while the server was away, or a local id (negative). */
export interface LocalDraft {
  id: number;
  content: DraftContent;
  updatedAt: string;
}

const sealedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
const fileSchema = z.object({
  format: z.literal(1),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  key: sealedSchema,
  body: sealedSchema,
});
const bodySchema = z.object({
  nextLocalId: z.number().int().max(-1),
  drafts: z.array(z.object({ id: z.number().int(), content: draftContentSchema, updatedAt: z.string() })),
});

/** A draft file holds at most a few hundred drafts of at most 200 000 characters each. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The folder in the workstation's data folder that holds one draft file per user and server database. */
export const LOCAL_DRAFTS_DIR = 'kladder';

/**
 * A logged-in user's own draft store on this workstation, for when the institution's server is away: the drafts are
 * sealed (AES-256-GCM) under a random key, and that key is sealed under a key derived from the user's password with
 * the key slots' scrypt — so the file reveals nothing without the password. The password is used at login and not
 * kept; the key lives in memory for the session and is overwritten when it ends. The file is written atomically at
 * every change and removed when it holds nothing.
 */
export class WorkstationDrafts {
  private drafts = new Map<number, LocalDraft>();
  private nextLocalId = -1;
  /** Local ids that have reached the server in this session, and their server draft's id. */
  private readonly settled = new Map<number, number>();

  private constructor(
    private readonly file: string,
    private readonly aad: string,
    private kdf: KdfParams,
    private wrappedKey: Sealed,
    private readonly key: Buffer,
  ) {}

  /**
   * Opens (or prepares) the user's draft file. A file the password does not open (the password was reset elsewhere
   * since) or that is damaged is kept beside, renamed, never deleted, and a new one is begun.
   */
  static async open(dataDir: string, scope: { databaseId: string; userId: number }, password: string, scryptN?: number): Promise<WorkstationDrafts> {
    const dir = path.join(dataDir, LOCAL_DRAFTS_DIR);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const name = createHash('sha256').update(`${scope.databaseId}\u0000${scope.userId}`).digest('hex').slice(0, 32);
    const file = path.join(dir, `${name}.kladder`);
    const aad = `familiespor local drafts v1|${scope.databaseId}|${scope.userId}`;
    const parsed = fileSchema.safeParse(readSmallJson(file, MAX_FILE_BYTES));
    if (parsed.success) {
      const kek = await deriveKey(password, parsed.data.kdf);
      const key = open(kek, parsed.data.key, `${aad}|key`);
      kek.fill(0);
      const plain = key ? open(key, parsed.data.body, aad) : null;
      const body = plain ? bodySchema.safeParse(safeJson(plain)) : null;
      plain?.fill(0);
      if (key && body?.success) {
        const store = new WorkstationDrafts(file, aad, parsed.data.kdf, parsed.data.key, key);
        store.nextLocalId = body.data.nextLocalId;
        for (const d of body.data.drafts) store.drafts.set(d.id, d);
        return store;
      }
      key?.fill(0);
    }
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.${Date.now()}.uaabnet`);
    const kdf = newKdfParams(scryptN);
    const kek = await deriveKey(password, kdf);
    const key = randomBytes(32);
    const wrapped = seal(kek, key, `${aad}|key`);
    kek.fill(0);
    return new WorkstationDrafts(file, aad, kdf, wrapped, key);
  }

  list(): LocalDraft[] {
    return [...this.drafts.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  has(id: number): boolean {
    return this.drafts.has(id);
  }

  /** Keeps a draft here: a server draft under its id, a draft not yet on the server under a local (negative) id. */
  save(draftId: number | undefined, content: DraftContent, now: Date): LocalDraft {
    const known = draftId !== undefined && draftId < 0 ? this.settled.get(draftId) : undefined;
    let id = known ?? draftId;
    if (id === undefined) id = this.nextLocalId--;
    const draft = { id, content: { ...content, text: content.text.normalize('NFC') }, updatedAt: now.toISOString() };
    this.drafts.set(id, draft);
    this.persist();
    return draft;
  }

  /** The server draft a local id became in this session, if it has reached the server. */
  serverIdFor(localId: number): number | undefined {
    return this.settled.get(localId);
  }

  /** The draft reached the server as `serverId`: it is no longer kept here. */
  settle(id: number, serverId: number): void {
    if (id < 0) this.settled.set(id, serverId);
    if (this.drafts.delete(id)) this.persist();
  }

  remove(id: number): void {
    if (this.drafts.delete(id)) this.persist();
  }

  /**
   * The user chose a new password: the store's key is sealed under it (new scrypt salt), so the next login — with the
   * new password — opens the drafts kept here. Returns the step that takes the new seal into use (and writes the file
   * when it holds drafts), for when the new password is committed on the server.
   */
  async rewrap(password: string): Promise<() => void> {
    const kdf = newKdfParams(this.kdf.N);
    const kek = await deriveKey(password, kdf);
    const wrapped = seal(kek, this.key, `${this.aad}|key`);
    kek.fill(0);
    return () => {
      this.kdf = kdf;
      this.wrappedKey = wrapped;
      if (this.drafts.size > 0) this.persist();
    };
  }

  /** The session ended: the key bytes are overwritten. */
  close(): void {
    this.key.fill(0);
    this.drafts.clear();
  }

  private persist(): void {
    if (this.drafts.size === 0) {
      fs.rmSync(this.file, { force: true });
      return;
    }
    const plain = Buffer.from(JSON.stringify({ nextLocalId: this.nextLocalId, drafts: this.list() }), 'utf8');
    const body = seal(this.key, plain, this.aad);
    plain.fill(0);
    writeFileAtomic(this.file, JSON.stringify({ format: 1, kdf: this.kdf, key: this.wrappedKey, body }));
  }
}

function safeJson(buffer: Buffer): unknown {
  try {
    return JSON.parse(buffer.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/** A kept draft as the channels show it (the family's name is not known here while the server is away). */
export function asDraft(d: LocalDraft): Draft {
  const { familyId, observedAt, shift, categoryId, personIds, text, concern } = d.content;
  return { id: d.id, familyId, familyName: null, observedAt, shift, categoryId, personIds, text, concern, updatedAt: d.updatedAt, savedLocally: true };
}
