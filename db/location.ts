import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the data lives by default: the OS's per-user application data folder. */
export function defaultDataDir(appName = 'Familiespor'): string {
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), appName, 'data');
  }
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', appName, 'data');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), appName, 'data');
}

export interface WorkstationDataDirInput {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  argv: readonly string[];
  /** Whether this is the installed app (Electron's app.isPackaged); a development run keeps the per-user folder. */
  packaged: boolean;
  /** The per-user folder Electron gives the app (app.getPath('userData')). */
  userDataDir: string;
}

/** A data folder given at start (`--data-dir DIR`, then FAMILIESPOR_DATA_DIR): fixed, not chosen at setup. */
export function dataDirOverride(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | null {
  const i = argv.indexOf('--data-dir');
  const fromArgs = i >= 0 ? argv[i + 1] : undefined;
  return fromArgs || env.FAMILIESPOR_DATA_DIR || null;
}

/**
 * Where the installed app keeps its data. `--data-dir DIR` and FAMILIESPOR_DATA_DIR win. On Windows the installed
 * app uses one folder for the whole machine, %ProgramData%\Familiespor\data, so every Windows user on the
 * workstation opens the same database (the installer, build/installer.nsh, creates %ProgramData%\Familiespor and
 * gives the Users group modify rights, inherited by what the app creates in it). Elsewhere, and in development,
 * the per-user folder: on Linux the app writes its key file and events owner-only (0600), so a folder shared by
 * several Linux users would lock all but the first out.
 */
export function workstationDataDir(input: WorkstationDataDirInput): string {
  const override = dataDirOverride(input.argv, input.env);
  if (override) return override;
  if (input.packaged && input.platform === 'win32') {
    const programData = input.env.ProgramData ?? input.env.PROGRAMDATA ?? input.env.ALLUSERSPROFILE ?? 'C:\\ProgramData';
    return path.win32.join(programData, 'Familiespor', 'data');
  }
  return (input.platform === 'win32' ? path.win32 : path.posix).join(input.userDataDir, 'data');
}

const syncedFolder = /(^|[\\/])(onedrive[^\\/]*|dropbox|icloud ?drive|google ?drive|nextcloud|box sync|mobile documents)([\\/]|$)/i;

/**
 * statfs f_type values (Linux, include/uapi/linux/magic.h) of network, cluster and user-space file systems. SQLite's
 * own documentation: file locking is unreliable on network file systems and WAL needs shared memory on one host.
 * FUSE is refused as a whole: statfs cannot tell sshfs, rclone or a gvfs SMB mount from a local FUSE file system.
 */
export const NETWORK_FS_TYPES: ReadonlyMap<number, string> = new Map([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x5346414f, 'AFS'],
  [0x6b414653, 'AFS (kAFS)'],
  [0x73757245, 'Coda'],
  [0x564c, 'NCP'],
  [0x01021997, '9P'],
  [0x00c36400, 'Ceph'],
  [0x0bd00bd0, 'Lustre'],
  [0x47504653, 'GPFS'],
  [0x7461636f, 'OCFS2'],
  [0x01161970, 'GFS2'],
  [0x65735546, 'FUSE (sshfs, rclone …)'],
]);

/** How a folder is looked at; tests replace the parts a test machine cannot produce (a mounted NFS share, Windows). */
export interface LocationProbe {
  platform: NodeJS.Platform;
  /** statfs f_type of an existing path, or null when unavailable. */
  statfsType(existing: string): number | null;
  /** The real path as the OS resolves it (on Windows, a mapped network drive resolves to its \\server\share path). */
  realpath(existing: string): string;
}

export const systemProbe: LocationProbe = {
  platform: process.platform,
  statfsType(existing) {
    try {
      return Number(fs.statfsSync(existing).type) >>> 0;
    } catch {
      return null;
    }
  },
  realpath: (existing) => fs.realpathSync.native(existing),
};

function nearestExisting(dir: string): string {
  let probe = dir;
  while (!fs.existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
  return probe;
}

const isUnc = (p: string): boolean => /^(\\\\|\/\/)(?![?.][\\/])[^\\/]/.test(p) || /^\\\\\?\\UNC\\/i.test(p);

/**
 * Returns a reason when the folder is unsafe for SQLite's WAL (a network drive or a synced folder), else null.
 * Network: a UNC path (\\server\share, //server/share); on Windows a mapped drive letter, found by the real path
 * Windows gives for it (GetFinalPathNameByHandle answers \\server\share\… for a mapped drive); on Linux the statfs
 * type of the folder or its nearest existing parent (NETWORK_FS_TYPES). macOS's statfs type numbers are not stable,
 * so a network volume there is not detected (the installers are for Windows and Linux).
 */
export function unsafeLocationReason(dir: string, probe: LocationProbe = systemProbe): string | null {
  if (isUnc(dir)) return 'network path (UNC)';
  const resolved = probe.platform === 'win32' ? path.win32.resolve(dir) : path.resolve(dir);
  if (isUnc(resolved)) return 'network path (UNC)';
  if (syncedFolder.test(resolved)) return 'synchronised folder';
  const existing = nearestExisting(resolved);
  if (probe.platform === 'win32') {
    try {
      if (isUnc(probe.realpath(existing))) return 'network drive';
    } catch {
      // Not resolvable: the write check of a chosen folder catches a drive that is not there.
    }
  }
  if (probe.platform === 'linux') {
    const type = probe.statfsType(existing);
    const name = type === null ? undefined : NETWORK_FS_TYPES.get(type);
    if (name) return `network file system (${name})`;
  }
  return null;
}

/** Why a folder cannot be chosen for the data at setup (the reasons are worded in common/data-folder.ts). */
export type DataFolderProblem = 'not_absolute' | 'network' | 'synced' | 'not_a_folder' | 'not_writable' | 'holds_database' | 'not_empty';

/** Files the OS puts in any folder; a folder holding only these counts as empty. */
const OS_FILES = new Set(['desktop.ini', 'thumbs.db', '.ds_store']);
const DB_FILE = 'familiespor.db';
const KEY_FILE = 'familiespor.keys.json';

/**
 * The one check of a folder the administrator chooses for the data at setup: an absolute path; not a network drive,
 * network file system or synchronised folder (unsafeLocationReason); a folder (or not there yet: it is made at setup)
 * that this user can write in — tested by making and removing a folder in it or its nearest existing parent — and
 * empty: a folder with another program's files (or a whole drive) is refused, so the institution's files never mix
 * with others and a later restore or removal cannot touch what is not ours; one that already holds a Familiespor
 * database is named as such.
 */
export function dataFolderProblem(dir: string, probe: LocationProbe = systemProbe): DataFolderProblem | null {
  if (isUnc(dir)) return 'network';
  const abs = probe.platform === 'win32' ? /^[a-z]:[\\/]/i.test(dir) : path.isAbsolute(dir);
  if (!abs) return 'not_absolute';
  const reason = unsafeLocationReason(dir, probe);
  if (reason) return reason === 'synchronised folder' ? 'synced' : 'network';
  const resolved = path.resolve(dir);
  if (fs.existsSync(resolved)) {
    if (!fs.statSync(resolved).isDirectory()) return 'not_a_folder';
    const entries = fs.readdirSync(resolved);
    if (entries.includes(DB_FILE) || entries.includes(KEY_FILE)) return 'holds_database';
    if (entries.some((e) => !OS_FILES.has(e.toLowerCase()))) return 'not_empty';
  }
  const parent = nearestExisting(resolved);
  if (!fs.statSync(parent).isDirectory()) return 'not_a_folder';
  try {
    fs.rmdirSync(fs.mkdtempSync(path.join(parent, '.familiespor-proeve-')));
  } catch {
    return 'not_writable';
  }
  return null;
}
