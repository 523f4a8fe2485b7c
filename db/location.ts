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
