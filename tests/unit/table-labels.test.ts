import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { hasTableLabel, tableLabel } from '../../common/table-labels';
import { createKysely, migrate } from '../../db/database';
import { copiedTables } from '../../db/transfer/tables';

describe('every table the copier moves has a Danish name on screen', () => {
  it('labels every copied table of the migrated schema', async () => {
    const sqlite = new SqliteDatabase(':memory:');
    try {
      const db = createKysely(sqlite);
      await migrate(sqlite, db);
      const unlabelled = (await copiedTables(db)).map((t) => t.name).filter((name) => !hasTableLabel(name));
      expect(unlabelled).toEqual([]);
      expect(tableLabel('observations')).toBe('Notater og kladder');
      expect(tableLabel('ukendt_tabel')).toBe('ukendt_tabel');
    } finally {
      sqlite.close();
    }
  });
});
