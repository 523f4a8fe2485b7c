import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { serverRoleName } from '../../../db/postgres/connect';
import type { BackendCore } from '../../../main/core/backend';
import { addMonths, todayIso } from '../../../common/dates';
import { FAMILY_RECORD_TABLES } from '../../../db/retention';
import { ADMIN, attempt, behindTheAppsBack, createUser, exceptAccessLog, loginAs, must, newBackend, newServerWorkstation, rewriteAccessLog, serverSuperuser, tableChecksums, tempDir, noteInput as note } from '../../helpers';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };
const LIS = { loginName: 'lis', role: 'leader' as const, password: 'rød båd i havnen 55' };

async function databaseOf(backend: BackendCore): Promise<string> {
  const su = await serverSuperuser(backend);
  try {
    return (await su.query('select current_database() as d')).rows[0].d as string;
  } finally {
    await su.end();
  }
}

/** One number from a query run as IT's administrator. */
async function serverSuperuserCount(backend: BackendCore, query: string): Promise<number> {
  const su = await serverSuperuser(backend);
  try {
    return Number((await su.query(query)).rows[0].n);
  } finally {
    await su.end();
  }
}

/** A user's own connection to the server, as psql would make it: what the database itself lets that login do. */
async function asLogin(database: string, loginName: string, password: string): Promise<pg.Client> {
  const server = inject('postgres');
  const client = new pg.Client({
    host: server.host,
    port: server.port,
    database,
    user: serverRoleName(database, loginName),
    password,
    ssl: { ca: server.caCertificate, rejectUnauthorized: true },
  });
  await client.connect();
  return client;
}


/** Two families, Bent on the team of A only, need-to-know on, one signed note in each and a draft of the admin's in B. */
async function institution() {
  const backend = await newServerWorkstation();
  await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
  const bentId = await createUser(backend, BENT);
  await createUser(backend, LIS);
  const categoryId = (await must(backend, 'journal:categories', {}))[0]?.id ?? 0;
  const a = await must(backend, 'families:create', { displayName: 'Familien Ærø', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor Ærø' }] });
  const b = await must(backend, 'families:create', { displayName: 'Familien Bøg', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor Bøg' }] });
  await must(backend, 'team:add', { familyId: a.id, userId: bentId, role: 'family_therapist' });
  const current = await must(backend, 'settings:get', {});
  await must(backend, 'settings:update', { institutionName: current.institutionName, idleLockMinutes: current.idleLockMinutes, needToKnow: true });
  await must(backend, 'journal:sign', note(a.id, categoryId, 'Mor ammede roligt.'));
  await must(backend, 'journal:sign', note(b.id, categoryId, 'Far kom sent hjem.'));
  await must(backend, 'journal:saveDraft', { ...note(b.id, categoryId, 'Administratorens kladde om familien Bøg.') });
  return { backend, database: await databaseOf(backend), a: a.id, b: b.id, bentId, categoryId };
}

describe('the institution\'s server guards itself, not only the app', () => {
  it('a staff login sees only its families, not others\' drafts, cannot change signed records, the log, users or settings', async () => {
    const { backend, database, a } = await institution();
    await must(backend, 'statusReports:create', { familyId: a, periodFrom: '2026-10-01', periodTo: '2026-11-30' });
    const bent = await asLogin(database, BENT.loginName, BENT.password);
    try {
      expect((await bent.query('select id from families order by id')).rows.map((r) => r.id)).toEqual([a]);
      const notes = await bent.query('select family_id, text from observations');
      expect(notes.rows).toEqual([{ family_id: a, text: 'Mor ammede roligt.' }]);
      expect((await bent.query('select count(*)::int as n from persons')).rows[0].n).toBe(1);

      const refused = [
        "update observations set text = 'ændret' where status = 'signed'",
        'delete from observations',
        'delete from access_log',
        "update access_log set action = 'x'",
        "insert into access_log (id, at, action, channel, prev_hash, hash, verified) values (999, 'x', 'read', 'x', 'x', 'x', 1)",
        "update users set role = 'admin'",
        "update settings set value = 'false'",
        'drop table observations',
        'create table spy (x int)',
      ];
      for (const statement of refused) {
        const outcome = await bent.query(statement).then(
          (r) => `ran: ${r.rowCount ?? 0} rows`,
          (err: Error) => `refused: ${err.message}`,
        );
        // Row-level security turns some updates into "0 rows"; none may change a row.
        expect.soft(outcome, statement).toMatch(/^refused|^ran: 0 rows$/);
      }
      const signed = await serverSuperuser(backend);
      try {
        expect((await signed.query("select count(*)::int as n from observations where text = 'ændret'")).rows[0].n).toBe(0);
        expect((await signed.query("select count(*)::int as n from users where role = 'admin'")).rows[0].n).toBe(1);
      } finally {
        await signed.end();
      }

      // Scoring and categories are not staff's to change (row-level security: no rows to update).
      expect((await bent.query("update instruments set active = 0")).rowCount).toBe(0);
      expect((await bent.query("update observation_categories set label = 'x'")).rowCount).toBe(0);
      await expect(bent.query("insert into observation_categories (label, sort_order, active) values ('x', 99, 1)")).rejects.toThrow(/row-level security/);

      // Breaking the glass from psql is possible for staff, but never unlogged: the server writes the row itself.
      const b = (await bent.query('select familiespor_family_directory() as d')).rows.length;
      expect(b).toBeGreaterThan(1);
      const glassBefore = Number((await serverSuperuserCount(backend, "select count(*)::int as n from access_log where action = 'break_glass'")));
      await bent.query("select familiespor_break_glass((select max(id) from familiespor_family_directory()), 'psql')");
      expect(await serverSuperuserCount(backend, "select count(*)::int as n from access_log where action = 'break_glass' and channel = 'server:break_glass'")).toBe(glassBefore + 1);

      // A note or a phase written under someone else's name is refused by the database itself.
      await expect(bent.query("insert into family_phases (family_id, phase, from_date, recorded_by, recorded_at) values ($1, 'stay', '2026-11-01', 1, 'x')", [a])).rejects.toThrow(/login writing it/);
      await expect(bent.query("update status_reports set signed_by = 1, status = 'signed'")).rejects.toThrow(/login writing it|signed with its content and signer/);

      // The log's writer stamps who: a row naming the administrator, or nobody, is refused.
      await expect(bent.query(`select * from familiespor_log_access($1::jsonb)`, [JSON.stringify([{ user_id: 1, action: 'read', channel: 'families:get', family_id: a }])])).rejects.toThrow(/name their writer/);
      await expect(bent.query(`select * from familiespor_log_access($1::jsonb)`, [JSON.stringify([{ action: 'login_failed', channel: 'session:login' }])])).rejects.toThrow(/name their writer/);
    } finally {
      await bent.end();
    }

    // The chain the app verifies still holds after all that.
    const verified = await must(backend, 'accessLog:verify', {});
    expect(verified).toMatchObject({ ok: true });
  });

  it('the app refuses a family outside the team as forbidden, and logs the attempt', async () => {
    const { backend, b } = await institution();
    await loginAs(backend, BENT.loginName, BENT.password);
    const read = await attempt(backend, 'families:get', { familyId: b });
    expect(read.ok ? 'ok' : read.error.code).toBe('forbidden');
    const timeline = await attempt(backend, 'journal:timeline', { familyId: b });
    expect(timeline.ok ? 'ok' : timeline.error.code).toBe('forbidden');
    await loginAs(backend, LIS.loginName, LIS.password);
    // A leader sees every family.
    expect((await must(backend, 'families:list', {})).length).toBe(2);
  });

  it('a plain connection and a server with a certificate from another CA are refused', async () => {
    const { database } = await institution();
    const server = inject('postgres');
    const OTHER_CA = otherCa();
    const plain = new pg.Client({ host: server.host, port: server.port, database, user: serverRoleName(database, BENT.loginName), password: BENT.password, ssl: false });
    await expect(plain.connect()).rejects.toThrow(/no pg_hba.conf entry|reject|SSL off/i);

    const other = new pg.Client({ host: server.host, port: server.port, database, user: serverRoleName(database, BENT.loginName), password: BENT.password, ssl: { ca: OTHER_CA, rejectUnauthorized: true } });
    await expect(other.connect()).rejects.toThrow(/certificate/i);

    // Through the app: a workstation cannot be joined to a server its CA does not vouch for; it stays unset.
    const dataDir = tempDir();
    const workstation = newBackend({ dataDir });
    const joined = await attempt(workstation, 'setup:connectServer', { host: server.host, port: server.port, database, caCertificate: OTHER_CA });
    expect(joined.ok ? 'ok' : joined.error.code).toBe('server_untrusted');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('a deactivated user can no longer log in to the server at all', async () => {
    const { backend, database, bentId } = await institution();
    await must(backend, 'users:deactivate', { userId: bentId });
    await expect(asLogin(database, BENT.loginName, BENT.password)).rejects.toThrow(/not permitted to log in|authentication/i);
    const login = await attempt(backend, 'session:login', { loginName: BENT.loginName, password: BENT.password });
    expect(login.ok).toBe(false);
  });

  it('an administrator cannot point a user at another database role; staff create families with need-to-know on', async () => {
    const { backend, database, bentId } = await institution();
    const admin = await asLogin(database, ADMIN.loginName, ADMIN.password);
    try {
      await expect(admin.query(`update users set server_role = $1 where id = $2`, [`${database}_owner`, bentId])).rejects.toThrow(/server_role is set by familiespor_create_login only/);
      await expect(admin.query(`insert into users (name, initials, login_name, role, active, must_change_password, created_at, server_role) values ('x', 'x', 'x', 'admin', 1, 0, 'x', $1)`, [`${database}_owner`])).rejects.toThrow(/server_role|permission|violates/);
    } finally {
      await admin.end();
    }
    await loginAs(backend, BENT.loginName, BENT.password);
    const made = await must(backend, 'families:create', { displayName: 'Familien Ny', startDate: '2026-11-01', persons: [{ kind: 'mother', name: 'Mor Ny' }] });
    expect(made.coordinatorName).toBeTruthy();
    expect((await must(backend, 'families:get', { familyId: made.id })).displayName).toBe('Familien Ny');
  });

  it('deletion after the retention period: staff cannot call the server\'s function; a family not yet due is refused by the database and nothing changes', async () => {
    const { backend, database, a } = await institution();
    const due = await must(backend, 'families:create', { displayName: 'Familien Glemsel', startDate: '2024-01-01', persons: [{ kind: 'mother', name: 'Mor Glemsel' }] });
    await must(backend, 'families:close', { familyId: due.id, endDate: '2024-06-30', outcome: 'own_home' });
    const recent = await must(backend, 'families:create', { displayName: 'Familien Nylig', startDate: '2024-01-01', persons: [{ kind: 'mother', name: 'Mor Nylig' }] });
    await must(backend, 'families:close', { familyId: recent.id, endDate: addMonths(todayIso(), -3), outcome: 'own_home' });
    const settings = await must(backend, 'settings:get', {});
    await must(backend, 'settings:update', { institutionName: settings.institutionName, idleLockMinutes: settings.idleLockMinutes, familyRetentionYears: 1 });
    const before = exceptAccessLog(await tableChecksums(backend));

    const bent = await asLogin(database, BENT.loginName, BENT.password);
    const lis = await asLogin(database, LIS.loginName, LIS.password);
    const admin = await asLogin(database, ADMIN.loginName, ADMIN.password);
    try {
      // Only administrators may call it, as in the app (a staff member or a leader with psql cannot).
      await expect(bent.query('select * from familiespor_delete_family($1)', [due.id])).rejects.toThrow(/permission denied for function familiespor_delete_family/);
      await expect(lis.query('select * from familiespor_delete_family($1)', [due.id])).rejects.toThrow(/permission denied for function familiespor_delete_family/);
      // The rules are the database's own: not closed, not yet due, no such family.
      await expect(admin.query('select * from familiespor_delete_family($1)', [a])).rejects.toMatchObject({ code: 'FS001' });
      await expect(admin.query('select * from familiespor_delete_family($1)', [recent.id])).rejects.toMatchObject({ code: 'FS002' });
      await expect(admin.query('select * from familiespor_delete_family($1)', [999_999])).rejects.toMatchObject({ code: 'P0002' });
      // Nor may anyone write the records it writes, or mark their own transaction as the retention job.
      await expect(admin.query("insert into retention_mode values ('retention')")).rejects.toThrow(/permission denied/);
      await expect(admin.query('insert into deleted_families (family_id, closed_on, deleted_at, deleted_by, retention_years) values (1, $1, $1, 1, 1)', ['2024-01-01'])).rejects.toThrow(/permission denied/);
      expect(exceptAccessLog(await tableChecksums(backend))).toEqual(before);

      // Through the app: the same refusal in Danish, nothing changed.
      const refused = await attempt(backend, 'retention:deleteFamily', { familyId: recent.id, confirmName: 'Familien Nylig' });
      expect(refused.ok ? 'ok' : [refused.error.code, refused.error.message]).toEqual(['conflict', expect.stringMatching(/^Opbevaringsperioden på 1 år/)]);
      expect(exceptAccessLog(await tableChecksums(backend))).toEqual(before);

      // The server checks again by its own rules: a period of 0 years set behind the app's back (the app allows 1 to
      // 30) makes the app's own check pass, but the server counts at least 1 year and refuses; nothing is deleted.
      await behindTheAppsBack(backend, "update settings set value = '0' where key = 'familyRetentionYears'");
      const beforeServerCheck = exceptAccessLog(await tableChecksums(backend));
      const serverRefused = await attempt(backend, 'retention:deleteFamily', { familyId: recent.id, confirmName: 'Familien Nylig' });
      expect(serverRefused.ok ? 'ok' : [serverRefused.error.code, serverRefused.error.message]).toEqual(['conflict', expect.stringMatching(/^Ifølge institutionens server er opbevaringsperioden ikke gået endnu/)]);
      expect(exceptAccessLog(await tableChecksums(backend))).toEqual(beforeServerCheck);
      await behindTheAppsBack(backend, "update settings set value = '1' where key = 'familyRetentionYears'");

      // An administrator's psql call for a family that is due works, and the server logs it itself.
      const deleted = await admin.query('select * from familiespor_delete_family($1)', [due.id]);
      expect(deleted.rows).toEqual([{ deleted_observations: 0, deleted_persons: 1, erased_details: expect.any(Number) }]);
      expect(await serverSuperuserCount(backend, `select count(*)::int as n from access_log where channel = 'server:delete_family' and family_id = ${due.id}`)).toBe(1);
      expect(await serverSuperuserCount(backend, `select count(*)::int as n from families where id = ${due.id}`)).toBe(0);
    } finally {
      await Promise.all([bent.end(), lis.end(), admin.end()]);
    }
    expect((await must(backend, 'accessLog:verify', {})).broken).toBeNull();
  });

  it('the installed deletion function deletes from exactly the tables of the one list, in its order', async () => {
    const { backend } = await institution();
    const su = await serverSuperuser(backend);
    try {
      const source = String((await su.query("select prosrc from pg_proc where proname = 'familiespor_delete_family'")).rows[0]?.prosrc ?? '');
      const tables = [...source.matchAll(/delete from (\w+) where (\w+) (?:=|in)/g)].map((m) => m[1]).filter((t) => t !== 'retention_mode');
      expect(tables).toEqual(FAMILY_RECORD_TABLES.map(([table]) => table));
    } finally {
      await su.end();
    }
  });

  it('the access log\'s retention on the server: any login may run it, it does only what a login would, and the newest row stays', async () => {
    const { backend, database } = await institution();
    // Every row six years old (re-hashed behind the app's back), the last run long ago.
    const old = new Date(Date.now() - 6 * 366 * 86_400_000).toISOString();
    await rewriteAccessLog(backend, (row) => ({ ...row, at: old }));
    await behindTheAppsBack(backend, "delete from settings where key = 'accessLogRetentionRunAt'");
    const newest = await serverSuperuserCount(backend, 'select max(id) as n from access_log');
    const bent = await asLogin(database, BENT.loginName, BENT.password);
    try {
      expect((await bent.query('select familiespor_access_log_retention() as n')).rows[0].n).toBe(newest - 1);
      // Once a day: a second call does nothing; no arguments, so no other rows can be named.
      expect((await bent.query('select familiespor_access_log_retention() as n')).rows[0].n).toBe(0);
      await expect(bent.query('delete from access_log')).rejects.toThrow(/permission denied/);
    } finally {
      await bent.end();
    }
    // The newest row stayed: ids go on from it, the server logged the deletion, and the chain verifies.
    expect(await serverSuperuserCount(backend, 'select min(id) as n from access_log')).toBe(newest);
    expect(await serverSuperuserCount(backend, "select count(*)::int as n from access_log where channel = 'server:access_log_retention'")).toBe(1);
    await must(backend, 'families:list', {});
    const report = await must(backend, 'accessLog:verify', {});
    expect(report).toMatchObject({ broken: null, firstId: newest });
  });
});

/** A CA of another institution (made by the same script): it did not sign the test server's certificate. */
function otherCa(): string {
  const dir = tempDir('familiespor-other-ca-');
  execFileSync('bash', [path.join(__dirname, '..', '..', '..', 'scripts', 'server-certificates.sh'), dir, 'localhost', '127.0.0.1'], { stdio: 'ignore' });
  return fs.readFileSync(path.join(dir, 'ca.crt'), 'utf8');
}
