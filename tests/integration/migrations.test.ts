import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKysely, DatabaseTooNewError, migrate, openEncrypted, schemaVersion } from '../../db/database';
import { migrations, SCHEMA_VERSION } from '../../db/migrations';
import { ADMIN, attempt, must, setUp, tempDir } from '../helpers';

describe('migrations', () => {
  it('bring an empty encrypted database to the latest version', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const sqlite = openEncrypted(path.join(dir, 'x.db'), key, { create: true });
    const db = createKysely(sqlite);
    expect(schemaVersion(sqlite)).toBe(0);
    let backups = 0;
    await migrate(sqlite, db, { beforeMigrating: () => void backups++ });
    expect(schemaVersion(sqlite)).toBe(SCHEMA_VERSION);
    const applied = sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[];
    expect(applied.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    const tables = (sqlite.prepare("select name from sqlite_master where type='table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'settings', 'secrets', 'access_log']));
    // A new database needs no backup; running again is a no-op.
    await migrate(sqlite, db, { beforeMigrating: () => void backups++ });
    expect(backups).toBe(0);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await db.destroy();
  });

  it('migration names are in order and each one has up and down', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    for (const name of names) {
      expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
      expect(typeof migrations[name]!.up).toBe('function');
      expect(typeof migrations[name]!.down).toBe('function');
    }
  });

  it('refuse a database stamped by a newer program, with a clear Danish message at login', async () => {
    const { backend } = await setUp();
    backend.unlocked()!.sqlite.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    await must(backend, 'session:logout', {});
    const result = await attempt(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect(result.ok ? null : result.error).toEqual({ code: 'db_too_new', message: 'Databasen er lavet af en nyere version af Familiespor. Opdatér programmet.' });
    expect(backend.unlocked()).toBeNull();
    await backend.close();

    const key = randomBytes(32);
    const dir = tempDir();
    const sqlite = openEncrypted(path.join(dir, 'y.db'), key, { create: true });
    sqlite.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    await expect(migrate(sqlite, createKysely(sqlite))).rejects.toBeInstanceOf(DatabaseTooNewError);
    sqlite.close();
  });
});

describe('idle-time maintenance', () => {
  it('checkpoints the WAL into the database file once nobody has called for a second', async () => {
    const { backend } = await setUp({ maintenanceMs: 100 });
    await must(backend, 'users:create', { name: 'Ny Bruger', initials: 'NB', loginName: 'nybruger', role: 'staff', temporaryPassword: 'midlertidig 123' });
    const sqlite = backend.unlocked()!.sqlite;
    // [busy, frames in the WAL, frames checkpointed]: a no-op checkpoint reports what is still waiting.
    const waiting = () => (sqlite.pragma('wal_checkpoint(NOOP)' as string) as Array<{ log: number; checkpointed: number }>)[0]!;
    expect(waiting().log - waiting().checkpointed).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(waiting().log - waiting().checkpointed).toBe(0);
    await backend.close();
  });
});
