import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../common/errors';
import { DatabaseTooNewError, DB_FILE_NAME } from '../../db/database';
import { ANCHOR_FILE_NAME } from '../../db/anchor';
import { KEYFILE_NAME, readKeyFile } from '../../db/keyfile';
import { SCHEMA_VERSION } from '../../db/migrations';
import type { AccessLogWriter } from '../core/access-log';
import type { SessionState } from '../core/session';
import { rekeyDatabase } from '../keys/rekey';
import { EVENTS_FILE_NAME } from '../keys/sealed-events';
import { close, Vault, type FaultPoint, type Unlocked } from '../keys/vault';
import { readManifest, type BackupManifest } from './store';

const STAGING = '.gendannelse';
/** An unlocked backup waiting to be applied is closed again after this. */
const PENDING_MS = 10 * 60_000;

interface Pending {
  manifest: BackupManifest;
  vault: Vault;
  unlocked: Unlocked;
  by: string;
  timer: NodeJS.Timeout;
}

/** The backup folder a chosen path means: the folder itself, or the folder of a file in it. */
function backupDir(chosen: string): string {
  try {
    return fs.statSync(chosen).isDirectory() ? chosen : path.dirname(chosen);
  } catch {
    throw new AppFailure('not_found', 'Sikkerhedskopien findes ikke. Er USB-nøglen eller netværksdrevet sat i?');
  }
}

function readBackup(chosen: string): { dir: string; manifest: BackupManifest; institutionName: string } {
  const dir = backupDir(chosen);
  const manifest = readManifest(dir);
  let keyFile: ReturnType<typeof readKeyFile> = null;
  try {
    keyFile = readKeyFile(dir);
  } catch {
    // a damaged key file: not a usable backup
  }
  if (!manifest || !keyFile || !fs.existsSync(path.join(dir, DB_FILE_NAME))) {
    throw new AppFailure('not_found', 'Mappen er ikke en sikkerhedskopi fra Familiespor, eller den er ufuldstændig.');
  }
  return { dir, manifest, institutionName: keyFile.institutionName };
}

/**
 * Restoring a backup. The backup is copied into a staging folder inside the data folder and unlocked there (with an
 * administrator's password of its time or its recovery code), migrated if it is older, and previewed. Applying it
 * keeps the current files aside in `foer-gendannelse-<time>/` (never deleted by the restore), moves the staged copy in,
 * re-keys it (the backup files elsewhere keep their key; the live database gets a new one) and logs the restore,
 * which re-anchors the access log. Everybody then logs in anew, with the passwords of the backup's time.
 */
export class Restore {
  private pending: Pending | null = null;

  constructor(private readonly deps: { vault: Vault; session: SessionState; accessLog: AccessLogWriter; scryptN?: number; fault?: (point: FaultPoint) => void }) {}

  private assertMayRestore(): void {
    const user = this.deps.session.user();
    if (user && user.role !== 'admin') throw new AppFailure('forbidden', 'Kun en administrator kan gendanne. Log ud først.');
  }

  inspect(chosen: string) {
    const { manifest, institutionName } = readBackup(chosen);
    return {
      createdAt: manifest.createdAt,
      kind: manifest.kind,
      institutionName,
      schemaVersion: manifest.schemaVersion,
      tooNew: manifest.schemaVersion > SCHEMA_VERSION,
      bytes: manifest.bytes,
    };
  }

  async unlock(chosen: string, secret: { loginName: string; password: string } | { recoveryCode: string }) {
    this.assertMayRestore();
    this.cancel();
    const { dir, manifest } = readBackup(chosen);
    if (manifest.schemaVersion > SCHEMA_VERSION) throw new AppFailure('db_too_new', 'Sikkerhedskopien er lavet af en nyere version af Familiespor. Opdatér programmet først.');
    const staging = path.join(this.deps.vault.dataDir, STAGING);
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    fs.copyFileSync(path.join(dir, DB_FILE_NAME), path.join(staging, DB_FILE_NAME));
    fs.copyFileSync(path.join(dir, KEYFILE_NAME), path.join(staging, KEYFILE_NAME));
    const vault = new Vault(staging, { scryptN: this.deps.scryptN });
    let outcome;
    try {
      outcome = 'recoveryCode' in secret ? await vault.unlockRecovery(secret.recoveryCode) : await vault.unlockUser(secret.loginName, secret.password);
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true });
      if (err instanceof DatabaseTooNewError) throw new AppFailure('db_too_new');
      throw err;
    }
    if (!outcome.ok) {
      if ('unlocked' in outcome && outcome.unlocked) close(outcome.unlocked);
      fs.rmSync(staging, { recursive: true, force: true });
      const message = 'recoveryCode' in secret ? 'Gendannelseskoden passer ikke til sikkerhedskopien.' : 'Brugernavn eller adgangskode passer ikke til sikkerhedskopien.';
      throw new AppFailure('wrong_password', message);
    }
    const { unlocked } = outcome;
    const db = unlocked.db;
    if (outcome.userId !== null) {
      const user = await db.selectFrom('users').select('role').where('id', '=', outcome.userId).executeTakeFirst();
      if (user?.role !== 'admin') {
        close(unlocked);
        fs.rmSync(staging, { recursive: true, force: true });
        throw new AppFailure('forbidden', 'Kun en administrator (eller gendannelseskoden) kan gendanne en sikkerhedskopi.');
      }
    }
    const n = async (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) => Number((await q.executeTakeFirstOrThrow()).n);
    const newest = await db.selectFrom('observations').select((eb) => eb.fn.max('observed_at').as('m')).where('status', '=', 'signed').executeTakeFirst();
    const contents = {
      families: await n(db.selectFrom('families').select((eb) => eb.fn.countAll<number>().as('n'))),
      openFamilies: await n(db.selectFrom('families').select((eb) => eb.fn.countAll<number>().as('n')).where('end_date', 'is', null)),
      observations: await n(db.selectFrom('observations').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'signed')),
      newestObservationAt: (newest?.m as string | null | undefined) ?? null,
      users: await n(db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'))),
      schemaVersion: manifest.schemaVersion,
      currentSchemaVersion: SCHEMA_VERSION,
    };
    const by = 'recoveryCode' in secret ? 'gendannelseskoden' : secret.loginName;
    this.pending = { manifest, vault, unlocked, by, timer: setTimeout(() => this.cancel(), PENDING_MS) };
    this.pending.timer.unref();
    return contents;
  }

  async apply(): Promise<{ keptAside: string | null }> {
    this.assertMayRestore();
    const pending = this.pending;
    if (!pending) throw new AppFailure('conflict', 'Lås sikkerhedskopien op igen, og gendan så.');
    clearTimeout(pending.timer);
    this.pending = null;
    const dataDir = this.deps.vault.dataDir;
    if (this.deps.session.unlocked()) await this.deps.session.end('logout');
    // The staged copy is closed; its key is kept to open it in place.
    const key = Buffer.from(pending.unlocked.key);
    const keyId = pending.unlocked.keyId;
    close(pending.unlocked);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = path.join(dataDir, `foer-gendannelse-${stamp}`);
    const current = [DB_FILE_NAME, `${DB_FILE_NAME}-wal`, `${DB_FILE_NAME}-shm`, KEYFILE_NAME, ANCHOR_FILE_NAME, EVENTS_FILE_NAME].filter((f) => fs.existsSync(path.join(dataDir, f)));
    if (current.length) {
      fs.mkdirSync(aside, { recursive: true });
      for (const f of current) fs.renameSync(path.join(dataDir, f), path.join(aside, f));
    }
    const staging = path.join(dataDir, STAGING);
    for (const f of [DB_FILE_NAME, KEYFILE_NAME]) fs.renameSync(path.join(staging, f), path.join(dataDir, f));
    fs.rmSync(staging, { recursive: true, force: true });
    let unlocked: Unlocked | null = null;
    try {
      unlocked = await this.deps.vault.open(key, keyId);
      // A new data key for the live database: the backup (and its copies elsewhere) keep the old one.
      const rekeyed = await rekeyDatabase(this.deps.vault, unlocked, () => undefined);
      unlocked = rekeyed.unlocked;
      const db = unlocked.db;
      await db.transaction().execute((trx) =>
        this.deps.accessLog.write(trx, {
          action: 'recovery',
          channel: 'restore:apply',
          subject: `gendannet fra sikkerhedskopi af ${pending.manifest.createdAt}`,
          detail: { backupCreatedAt: pending.manifest.createdAt, by: pending.by, keptAside: current.length ? path.basename(aside) : null },
          userId: null,
        }),
      );
      // The restore is the logged administrator action that re-anchors the access log.
      await this.deps.accessLog.anchor(db);
    } finally {
      if (unlocked) close(unlocked);
      key.fill(0);
    }
    return { keptAside: current.length ? aside : null };
  }

  cancel(): null {
    const pending = this.pending;
    if (!pending) return null;
    clearTimeout(pending.timer);
    this.pending = null;
    close(pending.unlocked);
    fs.rmSync(path.join(this.deps.vault.dataDir, STAGING), { recursive: true, force: true });
    return null;
  }
}
