import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connectServer, serverRoleName } from '../../../db/postgres/connect';
import { isCopied } from '../../../db/transfer/tables';
import { openServerBackupKey, restoreServerBackup } from '../../../main/backups/server';
import { connectOwner } from '../../../main/domains/move/owner';
import { ADMIN, attempt, createUser, loginAs, must, newServerDatabase, secondWorkstation, serverSuperuser, tempDir, workstationOn, noteInput as note } from '../../helpers';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };

async function counts(client: { query: (q: string) => Promise<{ rows: Array<Record<string, unknown>> }> }): Promise<Record<string, number>> {
  const tables = (await client.query("select tablename from pg_tables where schemaname = 'public' order by tablename")).rows.map((r) => String(r.tablename)).filter(isCopied);
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await client.query(`select count(*) as n from "${t}"`)).rows[0]?.n);
  return out;
}

describe('backups of the institution\'s server', () => {
  it('an administrator exports every table (others\' drafts too) into an encrypted backup that restores into an empty server database: counts and chain equal', async () => {
    const { config } = await newServerDatabase();
    const server = workstationOn(config);
    await must(server, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    await createUser(server, BENT);
    const categoryId = (await must(server, 'journal:categories', {}))[0]?.id ?? 0;
    const family = await must(server, 'families:create', { displayName: 'Familien Kopi', startDate: '2026-09-01', persons: [{ kind: 'mother', name: 'Mor Kopi' }] });
    await must(server, 'journal:sign', note(family.id, categoryId, 'Rolig nat, mor sov seks timer.'));
    await loginAs(server, BENT.loginName, BENT.password);
    await must(server, 'journal:saveDraft', note(family.id, categoryId, 'Bents private udkast'));
    await loginAs(server, ADMIN.loginName, ADMIN.password);

    const folder = tempDir();
    await must(server, 'backups:setFolder', { folder });
    const first = await must(server, 'backups:create', {});
    expect(first.status).toBe('ok');
    expect(first.backupCode).toMatch(/^[2-9A-Z]{5}(-[2-9A-Z]{5}){4}$/);
    const code = first.backupCode ?? '';
    // What the server holds right before the second backup (the first one's log row and setting included).
    const su = await serverSuperuser(server);
    let before: Record<string, number>;
    try {
      before = await counts(su);
    } finally {
      await su.end();
    }
    const second = await must(server, 'backups:create', {});
    expect(second.backupCode).toBeNull();
    const status = await must(server, 'backups:status', {});
    expect(status.folder).toBe(folder);
    // Rotation keeps the newest of the day.
    expect(status.backups.map((b) => [b.id, b.origin])).toEqual([[second.id, 'server']]);
    // The administrator's server panel: TLS on this connection, the server's version, the last backup made here.
    const facts = await must(server, 'server:status', {});
    expect(facts).toMatchObject({ database: config.database, tls: true, lastBackup: { by: ADMIN.name } });
    expect(facts.serverVersion).toMatch(/^\d+/);
    expect(facts.tlsVersion).toMatch(/^TLS/);
    // Staff may not make one, and cannot call the export function behind the app's back either.
    await loginAs(server, BENT.loginName, BENT.password);
    expect((await attempt(server, 'backups:create', {})).ok).toBe(false);
    await server.close();
    const bent = await connectServer(config, { user: serverRoleName(config.database, BENT.loginName), password: BENT.password }, { max: 1 });
    try {
      await expect(sql`select familiespor_export_count('observations')`.execute(bent.db)).rejects.toThrow(/permission denied/);
    } finally {
      await bent.db.destroy();
    }

    // IT restores the first backup into a second, freshly prepared database with the owner's password.
    const target = await newServerDatabase();
    const owner = await connectOwner(target.config, target.ownerPassword);
    let restored: Awaited<ReturnType<typeof restoreServerBackup>> | undefined;
    const dir = path.join(folder, second.id);
    try {
      const wrong = await restoreServerBackup({ dir, code: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', owner, database: target.config.database }).catch((err: Error) => err.message);
      expect(wrong).toBe('Koden passer ikke til sikkerhedskopien.');
      restored = await restoreServerBackup({ dir, code: code.toLowerCase().replace(/-/g, ' '), owner, database: target.config.database });
      expect(restored.report.ok).toBe(true);
      expect(restored.passwords.map((p) => p.loginName).sort()).toEqual([ADMIN.loginName, BENT.loginName]);
    } finally {
      await owner.destroy();
    }
    const restoredPasswords = restored?.passwords ?? [];
    const restoredServer = workstationOn(target.config);
    const su2 = await serverSuperuser(restoredServer);
    try {
      const after = await counts(su2);
      // Every table as it was at the moment of the backup; the log has the restore's own row on top.
      expect({ ...after, access_log: (after.access_log ?? 0) - 1 }).toEqual(before);
      const draft = (await su2.query("select text from observations where status = 'draft'")).rows.map((r) => r.text);
      expect(draft).toEqual(['Bents private udkast']);
      expect((await su2.query("select channel from access_log order by id desc limit 1")).rows[0].channel).toBe('server:restore');
    } finally {
      await su2.end();
    }
    // The restored database works: a one-time password, a new one chosen, the chain verified by the app.
    const astrid = restoredPasswords.find((p) => p.loginName === ADMIN.loginName)?.password ?? '';
    expect((await must(restoredServer, 'session:login', { loginName: ADMIN.loginName, password: astrid })).mustChangePassword).toBe(true);
    await must(restoredServer, 'session:changePassword', { currentPassword: astrid, newPassword: 'gendannet og i gang 9' });
    const verified = await must(restoredServer, 'accessLog:verify', {});
    expect(verified.broken).toBeNull();
    expect((await must(restoredServer, 'journal:search', { query: 'seks timer' })).hits.length).toBe(1);
    await restoredServer.close();
  }, 120_000);

  it('two administrators taking the first backup at the same moment get one backup code, which opens both backups', async () => {
    const { config } = await newServerDatabase();
    const one = workstationOn(config);
    const two = secondWorkstation(one);
    await must(one, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    await must(two, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const [folderOne, folderTwo] = [tempDir(), tempDir()];
    await must(one, 'backups:setFolder', { folder: folderOne });
    await must(two, 'backups:setFolder', { folder: folderTwo });
    const made = await Promise.all([must(one, 'backups:create', {}), must(two, 'backups:create', {})]);
    const codes = made.flatMap((b) => (b.backupCode ? [b.backupCode] : []));
    expect(codes).toHaveLength(1);
    for (const [i, folder] of [folderOne, folderTwo].entries()) {
      const opened = await openServerBackupKey(path.join(folder, made[i]?.id ?? ''), codes[0] ?? '');
      expect(opened.key).toHaveLength(32);
      opened.key.fill(0);
    }
    await one.close();
    await two.close();
  }, 120_000);
});
