import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME } from '../../db/database';
import { writeFileAtomic } from '../../db/files';
import { KEYFILE_NAME, readKeyFile } from '../../db/keyfile';
import { readWorkstation, writeWorkstation } from '../../db/workstation';
import type { DataFolderNotes } from './handlers';

/** Left in an old per-user folder once its data is in the machine-wide folder: it is never moved (or used) twice. */
export const MOVED_MARKER = 'familiespor.moved.json';
const MOVED_NOTE = 'FLYTTET.txt';
/** SQLite rebuilds its shared-memory index; a copy of it is not wanted. */
const NOT_COPIED = new Set([`${DB_FILE_NAME}-shm`, MOVED_MARKER, MOVED_NOTE]);
const OS_FILES = new Set(['desktop.ini', 'thumbs.db', '.ds_store']);

export type MoveOutcome = Pick<DataFolderNotes, 'movedFrom' | 'leftBehind'>;
const nothing: MoveOutcome = { movedFrom: null, leftBehind: null };

function databaseIdIn(dir: string): string | null {
  try {
    return readKeyFile(dir)?.databaseId ?? null;
  } catch {
    return null;
  }
}

function hashOf(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every file below `dir`, as paths relative to it, but what is not copied. */
function filesBelow(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !NOT_COPIED.has(f) && fs.lstatSync(path.join(dir, f)).isFile());
}

/** Copies every file, flushes each to disk, and checks each copy's size and SHA-256 against its original. */
function copyVerified(from: string, to: string): void {
  for (const file of filesBelow(from)) {
    const source = path.join(from, file);
    const target = path.join(to, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
    const fd = fs.openSync(target, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (fs.statSync(source).size !== fs.statSync(target).size || hashOf(source) !== hashOf(target)) throw new Error(`copy of ${file} differs`);
  }
}

/** After the move: a note and a marker in the old folder, then the old folder renamed, so it is not used twice. */
function retire(from: string, to: string, now: Date): void {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  writeFileAtomic(path.join(from, MOVED_MARKER), JSON.stringify({ movedTo: to, at: now.toISOString() }, null, 2), 0o644);
  fs.writeFileSync(
    path.join(from, MOVED_NOTE),
    `Familiespors data er flyttet ${now.toISOString()} til den fælles mappe for hele computeren:\r\n${to}\r\n\r\nDenne mappe bruges ikke længere. Den kan slettes, når Familiespor virker på den nye plads.\r\n`,
  );
  try {
    fs.renameSync(from, `${from}-flyttet-${stamp}`);
  } catch {
    // A folder held open (an Explorer window) keeps its name; the marker still keeps it from being moved twice.
  }
}

/**
 * An earlier install kept the data in the Windows user's own folder (%APPDATA%\Familiespor\data); the installed app
 * now uses one folder for the whole machine. At start, before the database is opened, the old folder's data is moved
 * there when that is safe: the old folder has a key file, the new one holds no database and nothing else. The key is
 * not available before a login, so "safe" is checked without it: every file is copied into a staging folder beside
 * the new one (same drive), flushed and compared by size and SHA-256, the copied key file must read, the backup
 * folder setting is pointed at the new place when it was inside the old folder, and only then does the staging
 * folder become the new folder by one rename. The old folder is kept untouched until then; afterwards it gets a note
 * and a marker and is renamed (…-flyttet-<tid>), so it is never used or moved twice. When the new folder already
 * holds a database (another Windows user's, or a move finished already), the old data is left where it is and the
 * login screen says where it is. Pure over its paths: the Electron shell passes app.getPath('userData').
 */
export function moveUserData(input: { from: string; to: string; now: Date }): MoveOutcome {
  const from = path.resolve(input.from);
  const to = path.resolve(input.to);
  if (from === to || !fs.existsSync(path.join(from, KEYFILE_NAME)) || fs.existsSync(path.join(from, MOVED_MARKER))) return nothing;
  const oldId = databaseIdIn(from);
  const newId = databaseIdIn(to);
  if (fs.existsSync(path.join(to, KEYFILE_NAME)) || fs.existsSync(path.join(to, DB_FILE_NAME))) {
    // Moved before, but stopped before the old folder was marked: finish that.
    if (oldId !== null && oldId === newId) {
      retire(from, to, input.now);
      return nothing;
    }
    return { movedFrom: null, leftBehind: { folder: from, reason: `Den fælles mappe ${to} har allerede en database, så den ældre database i din egen Windows-mappe er ikke flyttet. Den er ikke slettet.` } };
  }
  if (fs.existsSync(to) && fs.readdirSync(to).some((e) => !OS_FILES.has(e.toLowerCase()))) {
    return { movedFrom: null, leftBehind: { folder: from, reason: `Den fælles mappe ${to} indeholder andre filer, så den ældre database er ikke flyttet dertil.` } };
  }
  const parent = path.dirname(to);
  const staging = path.join(parent, `${path.basename(to)}.flytter-${process.pid}-${input.now.getTime()}`);
  try {
    fs.mkdirSync(parent, { recursive: true });
    // A staging folder left by a move that was cut off (the old folder is intact, so it is simply made anew).
    for (const left of fs.readdirSync(parent)) if (left.startsWith(`${path.basename(to)}.flytter-`)) fs.rmSync(path.join(parent, left), { recursive: true, force: true });
    copyVerified(from, staging);
    if (databaseIdIn(staging) !== oldId || oldId === null) throw new Error('the copied key file does not read');
    const backupFolder = readWorkstation(staging).backupFolder;
    const relative = backupFolder ? path.relative(from, path.resolve(backupFolder)) : null;
    if (relative !== null && !relative.startsWith('..') && !path.isAbsolute(relative)) writeWorkstation(staging, { backupFolder: path.join(to, relative) });
    if (fs.existsSync(to)) fs.rmSync(to, { recursive: true });
    fs.renameSync(staging, to);
  } catch {
    try {
      fs.rmSync(staging, { recursive: true, force: true });
    } catch {
      // Nothing was made where nothing could be written.
    }
    return { movedFrom: null, leftBehind: { folder: from, reason: `Den ældre database kunne ikke flyttes til den fælles mappe ${to}: kopien kunne ikke skrives eller stemte ikke med originalen. Intet er ændret; den ligger stadig i din egen Windows-mappe.` } };
  }
  retire(from, to, input.now);
  return { movedFrom: from, leftBehind: null };
}
