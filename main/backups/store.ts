import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { backupKinds, backupRotation, type BackupKind } from '../../common/backups';
import { checkCopy, copyDatabase, rowCounts, type CopyCheck } from '../../db/backup';
import { DB_FILE_NAME, schemaVersion } from '../../db/database';
import { readSmallJson, writeFileAtomic } from '../../db/files';
import { KEYFILE_NAME, type KeyFile } from '../../db/keyfile';
import type { Unlocked } from '../keys/vault';

/**
 * Backups on disk: one folder per backup (`familiespor-2026-12-03_071512-daglig`) holding the encrypted database copy,
 * the key file of that moment (so the backup opens with a password or the recovery code of its time, and with
 * nothing else) and a manifest (no personal data: when, what kind, schema version, size, SHA-256, check result).
 */
export { backupKinds, type BackupKind } from '../../common/backups';
const kindNames: Record<BackupKind, string> = {
  daily: 'daglig',
  manual: 'manuel',
  before_migration: 'foer-opdatering',
  before_restore: 'foer-gendannelse',
  before_rekey: 'foer-noegleskift',
};
export const MANIFEST_NAME = 'manifest.json';
const PREFIX = 'familiespor-';

const manifestSchema = z.object({
  format: z.literal('familiespor-backup'),
  version: z.literal(1),
  databaseId: z.string().max(60),
  createdAt: z.string().max(40),
  kind: z.enum(backupKinds),
  schemaVersion: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  check: z.object({ at: z.string().max(40), ok: z.boolean(), problem: z.string().max(500).nullable() }),
  /** 'server': a copy of the institution's server database (opens with the server's backup code). Absent: this workstation's file. */
  origin: z.enum(['workstation', 'server']).optional(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupEntry {
  /** The folder's name: the backup's id in the administrator's list. */
  id: string;
  dir: string;
  manifest: BackupManifest | null;
  status: 'ok' | 'damaged' | 'unreadable';
}

function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}_${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/**
 * Writes a verified backup into `root` and returns it. The copy is opened with the key right after writing
 * (`quick_check`, schema version, the same row counts as the live database); a copy that fails is removed and the
 * failure thrown, so a backup that is listed is one that was proven to open.
 */
export function writeBackup(unlocked: Unlocked, keyFile: KeyFile, root: string, kind: BackupKind, onStage: (stage: 'copy' | 'verify') => void = () => undefined): BackupEntry {
  const dir = newBackupDir(root, kind);
  const dbFile = path.join(dir, DB_FILE_NAME);
  try {
    onStage('copy');
    copyDatabase(unlocked.sqlite, dbFile);
    writeFileAtomic(path.join(dir, KEYFILE_NAME), JSON.stringify(keyFile, null, 2));
    onStage('verify');
    const check = checkCopy(dbFile, unlocked.key);
    const live = rowCounts(unlocked.sqlite);
    if (!check.ok) throw new Error(`The backup failed its check: ${check.problem ?? 'unknown'}`);
    for (const [table, n] of Object.entries(live)) if (check.counts[table] !== n) throw new Error(`The backup lost rows in ${table}`);
    return finishBackup(dir, { databaseId: keyFile.databaseId, kind, schemaVersion: schemaVersion(unlocked.sqlite) });
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** A new, empty backup folder in `root` named by the time and kind (`familiespor-2026-12-03_071512-daglig`). */
export function newBackupDir(root: string, kind: BackupKind, now = new Date()): string {
  let dir = path.join(root, `${PREFIX}${stamp(now)}-${kindNames[kind]}`);
  for (let i = 2; fs.existsSync(dir); i++) dir = path.join(root, `${PREFIX}${stamp(now)}-${kindNames[kind]}-${i}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes the manifest of a backup whose database copy and key file are in place and proven: size, hash, the check. */
export function finishBackup(dir: string, fields: Pick<BackupManifest, 'databaseId' | 'kind' | 'schemaVersion' | 'origin'>): BackupEntry {
  const dbFile = path.join(dir, DB_FILE_NAME);
  const manifest: BackupManifest = {
    format: 'familiespor-backup',
    version: 1,
    ...fields,
    createdAt: new Date().toISOString(),
    bytes: fs.statSync(dbFile).size,
    sha256: sha256File(dbFile),
    check: { at: new Date().toISOString(), ok: true, problem: null },
  };
  writeFileAtomic(path.join(dir, MANIFEST_NAME), JSON.stringify(manifest, null, 2));
  return { id: path.basename(dir), dir, manifest, status: 'ok' };
}

export function readManifest(dir: string): BackupManifest | null {
  const parsed = manifestSchema.safeParse(readSmallJson(path.join(dir, MANIFEST_NAME)));
  return parsed.success ? parsed.data : null;
}

/** The backups in a folder, newest first; a backup whose files are missing or changed shows as damaged. */
export function listBackups(root: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(root).filter((n) => n.startsWith(PREFIX));
  } catch {
    return [];
  }
  const entries = names.map((id): BackupEntry => {
    const dir = path.join(root, id);
    const manifest = readManifest(dir);
    if (!manifest) return { id, dir, manifest: null, status: 'unreadable' };
    let size = -1;
    try {
      size = fs.statSync(path.join(dir, DB_FILE_NAME)).size;
    } catch {
      // missing: damaged
    }
    const keyFile = fs.existsSync(path.join(dir, KEYFILE_NAME));
    return { id, dir, manifest, status: manifest.check.ok && keyFile && size === manifest.bytes ? 'ok' : 'damaged' };
  });
  return entries.sort((a, b) => (b.manifest?.createdAt ?? '').localeCompare(a.manifest?.createdAt ?? ''));
}

/** Re-proves a backup: the file's hash against its manifest, then open with the key and `quick_check`. */
export function verifyBackup(entry: BackupEntry, key: Buffer): CopyCheck & { hashOk: boolean } {
  const dbFile = path.join(entry.dir, DB_FILE_NAME);
  const hashOk = entry.manifest !== null && fs.existsSync(dbFile) && sha256File(dbFile) === entry.manifest.sha256;
  const check = hashOk ? checkCopy(dbFile, key) : { ok: false, problem: 'Filen er ændret eller mangler.', schemaVersion: null, counts: {} };
  if (entry.manifest) {
    const manifest: BackupManifest = { ...entry.manifest, check: { at: new Date().toISOString(), ok: check.ok, problem: check.problem } };
    try {
      writeFileAtomic(path.join(entry.dir, MANIFEST_NAME), JSON.stringify(manifest, null, 2));
    } catch {
      // a read-only medium: the result is still returned
    }
  }
  return { ...check, hashOk };
}

/**
 * Rotation of the automatic and manual backups in one folder: the newest backup of each of the last 7 days, of each
 * of the last 4 weeks and of each of the last 12 months are kept, and the newest good backup always; the rest is
 * deleted; then the backups taken before an update, a restore or a key change (rotateSafetyCopies). (So a family
 * deleted after its retention period is gone from the backups within about a year.)
 */
export function rotateBackups(root: string, now = new Date()): string[] {
  const entries = listBackups(root).filter((e) => e.manifest && (e.manifest.kind === 'daily' || e.manifest.kind === 'manual'));
  const keep = new Set<string>();
  const newestGood = entries.find((e) => e.status === 'ok');
  if (newestGood) keep.add(newestGood.id);
  const bucket = (days: number, key: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const e of entries) {
      if (e.status !== 'ok') continue;
      const d = new Date(e.manifest?.createdAt ?? 0);
      if (now.getTime() - d.getTime() > days * 86_400_000) continue;
      const k = key(d);
      if (seen.has(k) || seen.size >= count) continue;
      seen.add(k);
      keep.add(e.id);
    }
  };
  const dayKey = (d: Date) => d.toDateString();
  const weekKey = (d: Date) => {
    const monday = new Date(d);
    monday.setDate(d.getDate() - ((d.getDay() + 6) % 7));
    return monday.toDateString();
  };
  const monthKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}`;
  bucket(7, dayKey, backupRotation.days);
  bucket(35, weekKey, backupRotation.weeks);
  bucket(370, monthKey, backupRotation.months);
  const removed: string[] = [];
  for (const e of entries) {
    if (keep.has(e.id)) continue;
    fs.rmSync(e.dir, { recursive: true, force: true });
    removed.push(e.id);
  }
  return [...removed, ...rotateSafetyCopies(root, now)];
}

/**
 * The backups taken before an update, a restore or a key change: each kind's newest is kept; older ones go after a
 * year, like the monthly backups (a deleted family must not live on in them).
 */
function rotateSafetyCopies(root: string, now: Date): string[] {
  const removed: string[] = [];
  const newestOfKind = new Set<string>();
  for (const e of listBackups(root)) {
    const kind = e.manifest?.kind;
    if (!kind || kind === 'daily' || kind === 'manual') continue;
    if (!newestOfKind.has(kind)) {
      newestOfKind.add(kind);
      continue;
    }
    if (now.getTime() - new Date(e.manifest?.createdAt ?? 0).getTime() <= 370 * 86_400_000) continue;
    fs.rmSync(e.dir, { recursive: true, force: true });
    removed.push(e.id);
  }
  return removed;
}
