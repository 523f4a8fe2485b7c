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

/**
 * Where the installed app keeps its data. `--data-dir DIR` and FAMILIESPOR_DATA_DIR win. On Windows the installed
 * app uses one folder for the whole machine, %ProgramData%\Familiespor\data, so every Windows user on the
 * workstation opens the same database (the installer, build/installer.nsh, creates %ProgramData%\Familiespor and
 * gives the Users group modify rights, inherited by what the app creates in it). Elsewhere, and in development,
 * the per-user folder: on Linux the app writes its key file and events owner-only (0600), so a folder shared by
 * several Linux users would lock all but the first out.
 */
export function workstationDataDir(input: WorkstationDataDirInput): string {
  const i = input.argv.indexOf('--data-dir');
  const fromArgs = i >= 0 ? input.argv[i + 1] : undefined;
  if (fromArgs) return fromArgs;
  if (input.env.FAMILIESPOR_DATA_DIR) return input.env.FAMILIESPOR_DATA_DIR;
  if (input.packaged && input.platform === 'win32') {
    const programData = input.env.ProgramData ?? input.env.PROGRAMDATA ?? input.env.ALLUSERSPROFILE ?? 'C:\\ProgramData';
    return path.win32.join(programData, 'Familiespor', 'data');
  }
  return (input.platform === 'win32' ? path.win32 : path.posix).join(input.userDataDir, 'data');
}

const syncedFolder = /(^|[\\/])(onedrive[^\\/]*|dropbox|icloud ?drive|google ?drive|nextcloud|box sync|mobile documents)([\\/]|$)/i;

// statfs f_type values of network and sync file systems (Linux).
const networkFsTypes = new Set([
  0x6969, // NFS
  0x517b, // SMB
  0xff534d42, // CIFS
  0xfe534d42, // SMB2
  0x65735546, // FUSE (sshfs, rclone, …)
  0x564c, // NCP
  0x01021997, // 9P
]);

/**
 * Returns a reason when the folder is unsafe for SQLite's WAL (a network drive or a synced folder), else null.
 * Windows mapped drive letters are not detected here (see README).
 */
export function unsafeLocationReason(dir: string): string | null {
  const resolved = path.resolve(dir);
  if (/^(\\\\|\/\/)[^\\/]/.test(dir) || /^\\\\/.test(resolved)) return 'network path (UNC)';
  if (syncedFolder.test(resolved)) return 'synchronised folder';
  if (process.platform === 'linux') {
    let probe = resolved;
    while (!fs.existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
    try {
      const type = Number(fs.statfsSync(probe).type) >>> 0;
      if (networkFsTypes.has(type)) return 'network file system';
    } catch {
      // statfs unavailable: fall through
    }
  }
  return null;
}
