import { describe, expect, it } from 'vitest';
import { unsafeLocationReason } from '../../db/location';
import { createBackend, UnsafeLocationError } from '../../main/core/backend';
import { tempDir } from '../helpers';

describe('data folder location', () => {
  it('refuses network paths and synced folders', () => {
    expect(unsafeLocationReason('\\\\server\\share\\familiespor')).toBe('network path (UNC)');
    expect(unsafeLocationReason('//server/share/familiespor')).toBe('network path (UNC)');
    expect(unsafeLocationReason('/home/anne/OneDrive - Kommune/familiespor')).toBe('synchronised folder');
    expect(unsafeLocationReason('/Users/anne/Dropbox/data')).toBe('synchronised folder');
    expect(unsafeLocationReason(tempDir())).toBeNull();
  });

  it('createBackend refuses an unsafe folder before writing anything', () => {
    expect(() => createBackend({ dataDir: '//server/share/familiespor' })).toThrow(UnsafeLocationError);
    expect(() => createBackend({ dataDir: '/tmp/OneDrive/familiespor' })).toThrow(/netværksdrev eller en synkroniseret mappe/);
  });
});
