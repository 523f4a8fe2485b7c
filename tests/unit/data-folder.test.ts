import { describe, expect, it } from 'vitest';
import { workstationDataDir, type WorkstationDataDirInput } from '../../db/location';

const windows: WorkstationDataDirInput = {
  platform: 'win32',
  env: { ProgramData: 'C:\\ProgramData', APPDATA: 'C:\\Users\\anne\\AppData\\Roaming' },
  argv: ['C:\\Program Files\\Familiespor\\Familiespor.exe'],
  packaged: true,
  userDataDir: 'C:\\Users\\anne\\AppData\\Roaming\\Familiespor',
};
const linux: WorkstationDataDirInput = {
  platform: 'linux',
  env: { HOME: '/home/anne' },
  argv: ['/opt/Familiespor/familiespor'],
  packaged: true,
  userDataDir: '/home/anne/.config/Familiespor',
};

describe('the data folder the installed app uses', () => {
  it('on Windows: one folder for the whole machine in ProgramData, whichever Windows user is logged in', () => {
    expect(workstationDataDir(windows)).toBe('C:\\ProgramData\\Familiespor\\data');
    const bent = { ...windows, userDataDir: 'C:\\Users\\bent\\AppData\\Roaming\\Familiespor', env: { ...windows.env, APPDATA: 'C:\\Users\\bent\\AppData\\Roaming' } };
    expect(workstationDataDir(bent)).toBe(workstationDataDir(windows));
    // Where Windows has ProgramData on another drive, or only the older name is set.
    expect(workstationDataDir({ ...windows, env: { ProgramData: 'D:\\ProgramData' } })).toBe('D:\\ProgramData\\Familiespor\\data');
    expect(workstationDataDir({ ...windows, env: { ALLUSERSPROFILE: 'C:\\ProgramData' } })).toBe('C:\\ProgramData\\Familiespor\\data');
    expect(workstationDataDir({ ...windows, env: {} })).toBe('C:\\ProgramData\\Familiespor\\data');
  });

  it('the folder the installer opens to the Users group is the one the app uses', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const script = fs.readFileSync(path.join(__dirname, '..', '..', 'build', 'installer.nsh'), 'utf8');
    expect(script).toContain('ReadEnvStr $1 "ProgramData"');
    expect(script).toContain('CreateDirectory "$1\\Familiespor"');
    expect(workstationDataDir(windows).startsWith('C:\\ProgramData\\Familiespor\\')).toBe(true);
  });

  it('--data-dir and FAMILIESPOR_DATA_DIR still win (tests, IT, the end-to-end runs)', () => {
    expect(workstationDataDir({ ...windows, argv: [...windows.argv, '--data-dir', 'E:\\Familiespor'] })).toBe('E:\\Familiespor');
    expect(workstationDataDir({ ...windows, env: { ...windows.env, FAMILIESPOR_DATA_DIR: 'E:\\Data' } })).toBe('E:\\Data');
    expect(workstationDataDir({ ...linux, argv: [...linux.argv, '--data-dir', '/srv/fs'], env: { FAMILIESPOR_DATA_DIR: '/x' } })).toBe('/srv/fs');
    // A dangling --data-dir is ignored rather than taken as an empty path.
    expect(workstationDataDir({ ...linux, argv: [...linux.argv, '--data-dir'] })).toBe('/home/anne/.config/Familiespor/data');
  });

  it('on Linux and macOS, and in development, the per-user folder as before', () => {
    expect(workstationDataDir(linux)).toBe('/home/anne/.config/Familiespor/data');
    expect(workstationDataDir({ ...linux, platform: 'darwin', userDataDir: '/Users/anne/Library/Application Support/Familiespor' })).toBe('/Users/anne/Library/Application Support/Familiespor/data');
    expect(workstationDataDir({ ...windows, packaged: false })).toBe('C:\\Users\\anne\\AppData\\Roaming\\Familiespor\\data');
  });
});
