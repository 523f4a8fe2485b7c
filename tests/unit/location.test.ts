import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolderProblem, NETWORK_FS_TYPES, systemProbe, unsafeLocationReason, type LocationProbe } from '../../db/location';
import { createBackend, UnsafeLocationError } from '../../main/core/backend';
import { tempDir } from '../helpers';

/** The real machine, except for the file-system type statfs reports (a mounted NFS or SMB share is not to be had here). */
const mountedAs = (type: number): LocationProbe => ({ ...systemProbe, platform: 'linux', statfsType: () => type });
/** Windows, where the drive letter resolves as GetFinalPathNameByHandle gives it. */
const windowsDrive = (real: string): LocationProbe => ({ platform: 'win32', statfsType: () => 0, realpath: () => real });

describe('data folder location', () => {
  it('refuses network paths and synced folders', () => {
    expect(unsafeLocationReason('\\\\server\\share\\familiespor')).toBe('network path (UNC)');
    expect(unsafeLocationReason('//server/share/familiespor')).toBe('network path (UNC)');
    expect(unsafeLocationReason('/home/anne/OneDrive - Kommune/familiespor')).toBe('synchronised folder');
    expect(unsafeLocationReason('/Users/anne/Dropbox/data')).toBe('synchronised folder');
    expect(unsafeLocationReason(tempDir())).toBeNull();
  });

  it('long local paths (\\\\?\\C:\\…) are not UNC, \\\\?\\UNC\\… is', () => {
    expect(unsafeLocationReason('\\\\?\\UNC\\server\\share\\data', windowsDrive('C:\\x'))).toBe('network path (UNC)');
    expect(unsafeLocationReason('\\\\?\\C:\\Familiespor\\data', windowsDrive('C:\\Familiespor'))).toBeNull();
  });

  it('refuses NFS, SMB, CIFS, SMB2, AFS, 9P and FUSE mounts by their statfs type; ext4, tmpfs and btrfs are fine', () => {
    const dir = tempDir();
    for (const [type, name] of [[0x6969, 'NFS'], [0x517b, 'SMB'], [0xff534d42, 'CIFS'], [0xfe534d42, 'SMB2'], [0x5346414f, 'AFS'], [0x01021997, '9P'], [0x65735546, 'FUSE']] as const) {
      expect(unsafeLocationReason(dir, mountedAs(type))).toContain(name);
      expect(dataFolderProblem(path.join(dir, 'ny'), mountedAs(type))).toBe('network');
    }
    for (const local of [0xef53, 0x01021994, 0x9123683e]) expect(unsafeLocationReason(dir, mountedAs(local))).toBeNull();
    expect(NETWORK_FS_TYPES.size).toBeGreaterThanOrEqual(10);
    // This machine's own temp folder is local, as statfs really reports it.
    expect(systemProbe.statfsType(dir)).not.toBeNull();
    expect(dataFolderProblem(path.join(dir, 'ny'))).toBeNull();
  });

  it('on Windows, a mapped network drive letter is refused by the \\\\server\\share path it resolves to', () => {
    expect(unsafeLocationReason('Z:\\Familiespor', windowsDrive('\\\\filserver\\faelles\\Familiespor'))).toBe('network drive');
    expect(unsafeLocationReason('D:\\Familiespor', windowsDrive('D:\\Familiespor'))).toBeNull();
  });

  it('a chosen folder: absolute, local, a folder, writable, and empty (or not there yet)', () => {
    const root = tempDir();
    expect(dataFolderProblem('data')).toBe('not_absolute');
    expect(dataFolderProblem('//server/share/data')).toBe('network');
    expect(dataFolderProblem(path.join(root, 'OneDrive', 'data'))).toBe('synced');
    expect(dataFolderProblem(root)).toBeNull();
    expect(dataFolderProblem(path.join(root, 'ikke', 'endnu'))).toBeNull();
    expect(fs.existsSync(path.join(root, 'ikke')), 'checking makes nothing').toBe(false);
    expect(fs.readdirSync(root)).toEqual([]);

    const os = path.join(root, 'kun-os-filer');
    fs.mkdirSync(os);
    fs.writeFileSync(path.join(os, 'desktop.ini'), '');
    fs.writeFileSync(path.join(os, 'Thumbs.db'), '');
    expect(dataFolderProblem(os)).toBeNull();

    const foreign = path.join(root, 'andet');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'regnskab.xlsx'), 'x');
    expect(dataFolderProblem(foreign)).toBe('not_empty');

    const ours = path.join(root, 'gammel');
    fs.mkdirSync(ours);
    fs.writeFileSync(path.join(ours, 'familiespor.db'), 'x');
    expect(dataFolderProblem(ours)).toBe('holds_database');

    const file = path.join(root, 'en-fil');
    fs.writeFileSync(file, 'x');
    expect(dataFolderProblem(file)).toBe('not_a_folder');
    expect(dataFolderProblem(path.join(file, 'under'))).toBe('not_a_folder');
  });

  it('refuses a folder that cannot be written (even as root: /proc takes no folders)', () => {
    expect(dataFolderProblem('/proc/familiespor-data')).toBe('not_writable');
  });

  it.skipIf(process.getuid?.() === 0)('refuses a read-only folder (as an ordinary user)', () => {
    const root = tempDir();
    fs.chmodSync(root, 0o500);
    try {
      expect(dataFolderProblem(path.join(root, 'data'))).toBe('not_writable');
    } finally {
      fs.chmodSync(root, 0o700);
    }
  });

  it('createBackend refuses an unsafe folder before writing anything', () => {
    expect(() => createBackend({ dataDir: '//server/share/familiespor' })).toThrow(UnsafeLocationError);
    expect(() => createBackend({ dataDir: '/tmp/OneDrive/familiespor' })).toThrow(/netværksdrev eller en synkroniseret mappe/);
  });
});
