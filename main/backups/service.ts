import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { BackupEntryView, BackupStatus } from '../../common/channels/backups';
import { engineOf } from '../../db/engine';
import type { Database } from '../../db/schema';
import { readWorkstation, writeWorkstation } from '../../db/workstation';
import type { EventHub } from '../core/events';
import type { Unlocked, Vault } from '../keys/vault';
import { writeServerBackup, type ServerBackupResult } from './server';
import { listBackups, rotateBackups, writeBackup, type BackupEntry, type BackupKind } from './store';

const FOLDER_SETTING = 'backupFolder';
/** An automatic backup is taken when the newest good one is older than this. */
const DUE_AFTER_MS = 20 * 3_600_000;
/** The leaders' front page warns when the newest good backup is older than this. */
export const WARN_AFTER_MS = 2 * 86_400_000;

export function toView(entry: BackupEntry): BackupEntryView {
  return {
    id: entry.id,
    createdAt: entry.manifest?.createdAt ?? null,
    kind: entry.manifest?.kind ?? null,
    bytes: entry.manifest?.bytes ?? null,
    schemaVersion: entry.manifest?.schemaVersion ?? null,
    status: entry.status,
    checkedAt: entry.manifest?.check.at ?? null,
    problem: entry.manifest?.check.problem ?? null,
    origin: entry.manifest?.origin ?? 'workstation',
  };
}

/** Why a folder cannot take backups, in Danish, or null. */
export function folderProblem(folder: string): string | null {
  try {
    fs.mkdirSync(folder, { recursive: true });
    const probe = path.join(folder, `.familiespor-skrivetest-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'Mappen findes ikke (er USB-nøglen eller netværksdrevet sat i?).';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'Familiespor må ikke skrive i mappen.';
    if (code === 'ENOSPC') return 'Der er ikke plads i mappen.';
    return 'Mappen kan ikke bruges til sikkerhedskopier.';
  }
}

/**
 * Sikkerhedskopier: automatic ones while a session is open (the key exists only then) — at logout, before the idle
 * lock and after a couple of idle minutes, when the newest good one is older than 20 hours — manual ones, and the
 * administrator's view. Backups go to a folder the administrator chooses (a USB stick or a network share is fine for
 * backups, unlike the live database), by default one inside the data folder.
 */
export class Backups {
  readonly defaultFolder: string;

  constructor(private readonly deps: { vault: Vault; events: EventHub }) {
    this.defaultFolder = path.join(deps.vault.dataDir, 'sikkerhedskopier');
  }

  async folder(db: Kysely<Database>): Promise<string> {
    // On the institution's server each workstation keeps its own folder (a path on this computer), in its own file.
    if (engineOf(db) === 'postgres') return readWorkstation(this.deps.vault.dataDir).backupFolder ?? this.defaultFolder;
    const row = await db.selectFrom('settings').select('value').where('key', '=', FOLDER_SETTING).executeTakeFirst();
    const chosen = row ? (JSON.parse(row.value) as unknown) : null;
    return typeof chosen === 'string' && chosen ? chosen : this.defaultFolder;
  }

  async setFolder(db: Kysely<Database>, folder: string): Promise<void> {
    const value = JSON.stringify(path.resolve(folder));
    if (engineOf(db) !== 'postgres') await db.insertInto('settings').values({ key: FOLDER_SETTING, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    // Also outside the database: a damaged database still lets the login screen find the backups.
    writeWorkstation(this.deps.vault.dataDir, { backupFolder: path.resolve(folder) });
  }

  /** Good backups in the remembered folders (chosen and default), newest first: for a restore from the login screen. */
  candidates(): BackupEntry[] {
    const folders = [...new Set([readWorkstation(this.deps.vault.dataDir).backupFolder, this.defaultFolder].filter((f): f is string => Boolean(f)))];
    return folders
      .flatMap((f) => listBackups(f))
      // A copy of the institution's server is restored onto a server by IT, not into this workstation's file.
      .filter((e) => e.status === 'ok' && e.manifest?.origin !== 'server')
      .sort((a, b) => (b.manifest?.createdAt ?? '').localeCompare(a.manifest?.createdAt ?? ''));
  }

  async status(db: Kysely<Database>): Promise<BackupStatus> {
    const folder = await this.folder(db);
    // The default folder is made when needed; a chosen one (a USB stick, a share) must be there already.
    const problem = folder === this.defaultFolder || fs.existsSync(folder) ? folderProblem(folder) : 'Mappen findes ikke (er USB-nøglen eller netværksdrevet sat i?).';
    const entries = listBackups(folder);
    return {
      folder,
      defaultFolder: this.defaultFolder,
      folderOk: problem === null,
      folderProblem: problem,
      lastGoodAt: entries.find((e) => e.status === 'ok')?.manifest?.createdAt ?? null,
      backups: entries.map(toView),
    };
  }

  /** A verified backup now, then rotation of the folder. */
  async create(unlocked: Unlocked, kind: BackupKind): Promise<BackupEntry> {
    const folder = await this.folder(unlocked.db);
    const problem = folderProblem(folder);
    if (problem) throw new BackupFolderError(problem);
    const entry = writeBackup(unlocked, this.deps.vault.requireKeyFile(), folder, kind, (stage) => this.deps.events.emit('backup:progress', { stage }));
    rotateBackups(folder);
    this.deps.events.emit('backup:progress', { stage: 'done' });
    return entry;
  }

  /** A verified backup of the institution's server now (an administrator on the server), then rotation of the folder. */
  async createOnServer(db: Kysely<Database>, by: string): Promise<ServerBackupResult> {
    const folder = await this.folder(db);
    const problem = folderProblem(folder);
    if (problem) throw new BackupFolderError(problem);
    this.deps.events.emit('backup:progress', { stage: 'copy' });
    const result = await writeServerBackup(db, folder, 'manual', by);
    rotateBackups(folder);
    this.deps.events.emit('backup:progress', { stage: 'done' });
    return result;
  }

  /** Takes the daily backup when the newest good one is older than 20 hours. */
  async takeIfDue(unlocked: Unlocked, now = Date.now()): Promise<BackupEntry | null> {
    const folder = await this.folder(unlocked.db);
    const last = listBackups(folder).find((e) => e.status === 'ok');
    if (last?.manifest && now - Date.parse(last.manifest.createdAt) < DUE_AFTER_MS) return null;
    return this.create(unlocked, 'daily');
  }

  /** The leaders' warning: no good backup for two days, or the folder cannot be used. */
  async warning(db: Kysely<Database>, now = Date.now()): Promise<string | null> {
    const status = await this.status(db);
    if (!status.folderOk) return `Sikkerhedskopier kan ikke tages: ${status.folderProblem ?? ''}`.trim();
    if (!status.lastGoodAt) return 'Der er endnu ikke taget en sikkerhedskopi.';
    if (now - Date.parse(status.lastGoodAt) > WARN_AFTER_MS) return 'Den nyeste gode sikkerhedskopi er mere end to dage gammel.';
    return null;
  }
}

export class BackupFolderError extends Error {}
