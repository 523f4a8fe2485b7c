import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { serverRoleName } from '../../../db/postgres/connect';
import type { BackendCore } from '../../../main/core/backend';
import { ADMIN, attempt, createUser, exceptAccessLog, loginAs, must, newBackend, newServerWorkstation, serverSuperuser, tableChecksums, tempDir, noteInput as note } from '../../helpers';

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

  it('deletion after the retention period is not done on the server yet: refused in Danish, nothing changes', async () => {
    const { backend } = await institution();
    const family = await must(backend, 'families:create', { displayName: 'Familien Glemsel', startDate: '2024-01-01', persons: [{ kind: 'mother', name: 'Mor Glemsel' }] });
    await must(backend, 'families:close', { familyId: family.id, endDate: '2024-06-30', outcome: 'own_home' });
    const settings = await must(backend, 'settings:get', {});
    await must(backend, 'settings:update', { institutionName: settings.institutionName, idleLockMinutes: settings.idleLockMinutes, familyRetentionYears: 1 });
    expect((await must(backend, 'retention:due', {})).families.map((f) => f.displayName)).toEqual(['Familien Glemsel']);
    const before = exceptAccessLog(await tableChecksums(backend));
    const refused = await attempt(backend, 'retention:deleteFamily', { familyId: family.id, confirmName: 'Familien Glemsel' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('conflict');
    expect(refused.ok ? '' : refused.error.message).toMatch(/institutionens server/);
    expect(exceptAccessLog(await tableChecksums(backend))).toEqual(before);
  });
});

/** A CA of another institution (made by the same script): it did not sign the test server's certificate. */
function otherCa(): string {
  const dir = tempDir('familiespor-other-ca-');
  execFileSync('bash', [path.join(__dirname, '..', '..', '..', 'scripts', 'server-certificates.sh'), dir, 'localhost', '127.0.0.1'], { stdio: 'ignore' });
  return fs.readFileSync(path.join(dir, 'ca.crt'), 'utf8');
}
