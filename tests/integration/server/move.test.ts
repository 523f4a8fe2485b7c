import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayIso } from '../../../common/dates';
import { DB_FILE_NAME } from '../../../db/database';
import type { BackendCore } from '../../../main/core/backend';
import { dataset } from '../../bench/dataset';
import { ADMIN, attempt, fileHash, must, newBackend, newServerDatabase, serverSuperuser, tempDir, workstationOn, noteInput as note } from '../../helpers';
import { networkAndPlans } from '../../plan-fixtures';

/**
 * "Flyt til institutionens server" (issue 11, item 7): a workstation's encrypted file with 10,000 notes is copied onto
 * a freshly prepared server database through the administrator's channels — a dry run that changes nothing, then the
 * move: every table's count, sample rows, the access log's chain, the file's bytes unchanged, and every user logging
 * in with a one-time password they must change.
 */
const run = promisify(execFile);
let source: BackendCore;
let dataDir: string;
let familyId = 0;

const hashes = () => [DB_FILE_NAME, `${DB_FILE_NAME}-wal`].map((f) => fileHash(path.join(dataDir, f)));

beforeAll(async () => {
  const set = await dataset({ families: 20, observations: 10_000, log: () => undefined });
  dataDir = tempDir();
  fs.cpSync(set.dataDir, dataDir, { recursive: true });
  source = newBackend({ dataDir, maintenanceMs: 3_600_000 });
  await must(source, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
  // Rows in the tables the generated set leaves empty: plans, the network, goals, a concern and an underretning, a draft.
  const categoryId = (await must(source, 'journal:categories', {}))[0]?.id ?? 0;
  const family = await must(source, 'families:create', { displayName: 'Familien Flyt', startDate: '2026-09-01', persons: [{ kind: 'mother', name: 'Mor Flyt' }] });
  familyId = family.id;
  await networkAndPlans(source, family.id);
  await must(source, 'goals:create', { familyId: family.id, text: 'Vi vil bede mormor om hjælp om fredagen', area: 'network', startDate: todayIso() });
  const concern = await must(source, 'journal:sign', { ...note(family.id, categoryId, 'Mor råbte ad barnet om natten.'), concern: 'serious' });
  await must(source, 'underretninger:create', { familyId: family.id, observationId: concern.id, sentOn: todayIso(), municipality: 'Greve Kommune', recipient: 'Børne- og Familieafdelingen', reason: 'Bekymring for nætterne.' });
  await must(source, 'journal:saveDraft', note(family.id, categoryId, 'Halvt skrevet udkast'));
  // What the file holds now, with the WAL written into it: from here on the move must not change a byte.
  source.unlocked()?.sqlite.pragma('wal_checkpoint(TRUNCATE)');
}, 600_000);

afterAll(async () => {
  await source?.close();
});

describe('moving a single-PC database to the server', () => {
  it('Moving a 10,000-note SQLite database to the server: every row and the chain verified', async () => {
    const { config, ownerPassword } = await newServerDatabase();
    const server = workstationOn(config);
    const before = hashes();
    const counts = Object.fromEntries(
      Object.entries({ observations: 'select count(*) from observations', users: 'select count(*) from users' }).map(([k, q]) => [k, Number(source.unlocked()?.sqlite.prepare(q).pluck().get())]),
    );
    expect(counts.observations).toBeGreaterThan(10_000);

    let moved: Awaited<ReturnType<typeof must<'move:run'>>> | undefined;
    const su = await serverSuperuser(server);
    try {
      const serverRows = async () => (await su.query("select (select count(*) from users) + (select count(*) from families) + (select count(*) from access_log) + (select count(*) from settings) as n")).rows[0].n;
      const emptyServer = await serverRows();

      // The dry run: counts, the chain, the users; the server and the file untouched.
      const dry = await must(source, 'move:check', { server: config, ownerPassword });
      expect(dry.problems).toEqual([]);
      expect(dry.ready).toBe(true);
      expect(dry.chain.ok).toBe(true);
      expect(dry.tables.find((t) => t.table === 'observations')?.rows).toBe(counts.observations);
      expect(dry.users.length).toBe(counts.users);
      expect(await serverRows()).toBe(emptyServer);
      expect(hashes()).toEqual(before);

      // A wrong owner password: refused in Danish, nothing changed.
      const wrong = await attempt(source, 'move:run', { server: config, ownerPassword: 'forkert adgangskode' });
      expect(wrong.ok ? null : wrong.error.message).toMatch(/ejerens adgangskode/);
      expect(await serverRows()).toBe(emptyServer);

      const t0 = performance.now();
      moved = await must(source, 'move:run', { server: config, ownerPassword });
      const seconds = (performance.now() - t0) / 1000;
      console.log(`move of ${counts.observations} notes: ${seconds.toFixed(1)} s`);
      expect(hashes()).toEqual(before);

      // Every table: the count in the file, the copy and the server.
      for (const t of moved.tables) {
        if (t.table === 'settings') continue;
        expect(t.target, t.table).toBe(t.source);
        const onServer = Number((await su.query(`select count(*) as n from "${t.table}"`)).rows[0].n);
        const inFile = Number(source.unlocked()?.sqlite.prepare(`select count(*) from "${t.table}"`).pluck().get());
        expect(onServer, t.table).toBe(t.table === 'access_log' ? inFile + 1 : inFile);
      }
      expect(moved.chain.ok).toBe(true);

      // Sample rows, column by column: notes (text, author, times), a draft, the plans, the access log's hashes.
      const sqlite = source.unlocked()?.sqlite;
      for (const [table, where] of [
        ['observations', 'id in (1, 777, 5000, 9999)'],
        ['observations', "status = 'draft'"],
        ['discharge_plan_steps', '1 = 1'],
        ['network_persons', '1 = 1'],
        ['goals', '1 = 1'],
        ['access_log', 'id in (1, 2, 3)'],
        ['users', 'id in (1, 5, 30)'],
      ] as const) {
        const fromFile = sqlite?.prepare(`select * from ${table} where ${where} order by 1`).all() as Record<string, unknown>[];
        const fromServer = (await su.query(`select * from ${table} where ${where} order by 1`)).rows as Record<string, unknown>[];
        expect(fromFile.length, `${table} ${where}`).toBeGreaterThan(0);
        const comparable = (rows: Record<string, unknown>[]) => rows.map((r) => ({ ...r, server_role: undefined, must_change_password: undefined }));
        expect(comparable(fromServer), `${table} ${where}`).toEqual(comparable(fromFile));
      }
      // The settings: the institution's name and database id from the key file, the workstation's own left behind.
      const settings = Object.fromEntries((await su.query('select key, value from settings')).rows.map((r) => [r.key, JSON.parse(r.value)]));
      const keyFile = source.vault.requireKeyFile();
      expect(settings.institutionName).toBe(keyFile.institutionName);
      expect(settings.databaseId).toBe(keyFile.databaseId);
      expect(settings.searchIndexVersion).toBe(1);
      expect(settings.backupFolder).toBeUndefined();
      // The move's own row ends the chain, and the anchor points at it.
      const lastRow = (await su.query('select id, channel, hash from access_log order by id desc limit 1')).rows[0];
      expect(lastRow.channel).toBe('move:run');
      expect((await su.query('select last_id, hash from access_log_anchor')).rows[0]).toEqual({ last_id: lastRow.id, hash: lastRow.hash });
      // IT's first administrator from prepare-server is replaced by the moved users; each has a role of their own.
      const roles = (await su.query(`select rolname from pg_roles where rolname like $1 order by 1`, [`${config.database}.%`])).rows.map((r) => r.rolname);
      expect(roles.length).toBe(counts.users);
    } finally {
      await su.end();
    }

    // Users log in on the server with the one-time password and must change it; the chain verifies there, and the
    // notes and search work.
    const handedOut = moved?.passwords ?? [];
    const astrid = handedOut.find((p) => p.loginName === ADMIN.loginName)?.password ?? '';
    expect(handedOut.length).toBe(counts.users);
    const login = await must(server, 'session:login', { loginName: ADMIN.loginName, password: astrid });
    expect(login.mustChangePassword).toBe(true);
    const refused = await attempt(server, 'families:list', { includeClosed: true });
    expect(refused.ok ? null : refused.error.code).toBe('must_change_password');
    await must(server, 'session:changePassword', { currentPassword: astrid, newPassword: 'ny kode på serveren 7' });
    // The chain verifies on the server (this new workstation has no anchor of its own yet: it writes one at logout).
    const verified = await must(server, 'accessLog:verify', {});
    expect(verified.broken).toBeNull();
    expect(verified.checked).toBeGreaterThan(10);
    expect(['ok', 'missing']).toContain(verified.anchor.status);
    const timeline = await must(server, 'journal:timeline', { familyId, limit: 50 });
    expect(timeline.observations.some((o) => o.text === 'Mor råbte ad barnet om natten.')).toBe(true);
    const found = await must(server, 'journal:search', { query: 'råbte' });
    expect(JSON.stringify(found)).toContain('råbte');
    await must(server, 'session:logout', {});
    const staff = handedOut.find((p) => p.role === 'staff');
    expect(staff).toBeDefined();
    if (staff) expect((await must(server, 'session:login', { loginName: staff.loginName, password: staff.password })).mustChangePassword).toBe(true);
    await server.close();

    // Moving again onto the now used database: refused in Danish, nothing changed there.
    const again = await attempt(source, 'move:run', { server: config, ownerPassword });
    expect(again.ok ? null : again.error.message).toMatch(/allerede taget i brug|ikke tom/);
    expect(hashes()).toEqual(before);
  }, 300_000);

  it('refuses a server database that is not empty, in Danish, and changes nothing', async () => {
    const { config, ownerPassword } = await newServerDatabase();
    const server = workstationOn(config);
    await must(server, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    await must(server, 'families:create', { displayName: 'Familien Allerede', startDate: '2026-09-01', persons: [{ kind: 'mother', name: 'Mor' }] });
    await must(server, 'session:logout', {});
    const su = await serverSuperuser(server);
    try {
      const snapshot = async () => (await su.query('select (select count(*) from families) as f, (select count(*) from access_log) as l, (select count(*) from users) as u')).rows[0];
      const before = await snapshot();
      const dry = await must(source, 'move:check', { server: config, ownerPassword });
      expect(dry.ready).toBe(false);
      expect(dry.problems.join(' ')).toMatch(/allerede taget i brug/);
      const run = await attempt(source, 'move:run', { server: config, ownerPassword });
      expect(run.ok ? null : run.error.message).toMatch(/Intet er ændret/);
      expect(await snapshot()).toEqual(before);
    } finally {
      await su.end();
    }
    await server.close();
  }, 120_000);

  it('a move that fails half-way (a login role the owner may not change) leaves nothing on the server; a broken chain is refused at the dry run', async () => {
    const small = newBackend();
    await must(small, 'setup:create', { institutionName: 'Familiehuset Lille', admin: ADMIN });
    await must(small, 'families:create', { displayName: 'Familien Lille', startDate: '2026-09-01', persons: [{ kind: 'mother', name: 'Mor Lille' }] });
    const { config, ownerPassword } = await newServerDatabase();
    const server = workstationOn(config);
    const su = await serverSuperuser(server);
    try {
      // A role of the administrator's name that only a superuser may change: the move fails after the rows are in.
      await su.query(`drop role "${config.database}.${ADMIN.loginName}"`).catch(() => undefined);
      await su.query(`update users set server_role = null`);
      await su.query(`create role "${config.database}.${ADMIN.loginName}" superuser`);
      const snapshot = async () => (await su.query('select (select count(*) from families) as f, (select count(*) from access_log) as l, (select count(*) from users) as u, (select count(*) from settings) as s')).rows[0];
      const before = await snapshot();
      expect((await must(small, 'move:check', { server: config, ownerPassword })).ready).toBe(true);
      const failed = await attempt(small, 'move:run', { server: config, ownerPassword });
      expect(failed.ok).toBe(false);
      expect(failed.ok ? '' : failed.error.message).toMatch(/^Serveren afviste flytningen \(fejlkode 42501\), og intet er gemt på serveren/);
      expect(await snapshot()).toEqual(before);
      expect((await su.query("select count(*) as n from pg_trigger where tgname like '%_stamp' and tgenabled = 'D'")).rows[0].n).toBe('0');

      // A log row outside the chain in the file: the dry run says so, and the move is refused.
      await su.query(`drop role "${config.database}.${ADMIN.loginName}"`);
      small.unlocked()?.sqlite.prepare("insert into access_log (at, action, channel, verified) values ('2026-12-01T00:00:00.000Z', 'read', 'x', 1)").run();
      const dry = await must(small, 'move:check', { server: config, ownerPassword });
      expect(dry.ready).toBe(false);
      expect(dry.problems.join(' ')).toMatch(/Adgangsloggens kæde holder ikke/);
      expect((await attempt(small, 'move:run', { server: config, ownerPassword })).ok).toBe(false);
      expect(await snapshot()).toEqual(before);
    } finally {
      await su.end();
      await small.close();
      await server.close();
    }
  }, 120_000);

  it('IT\'s way: "prepare-server -- flyt <datamappe>" opens the file read-only with an administrator\'s password and moves it; not a byte changes', async () => {
    const pg = inject('postgres');
    const folder = tempDir();
    const small = newBackend({ dataDir: folder });
    await must(small, 'setup:create', { institutionName: 'Familiehuset Kommando', admin: ADMIN });
    await must(small, 'families:create', { displayName: 'Familien Kommando', startDate: '2026-09-01', persons: [{ kind: 'mother', name: 'Mor K' }] });
    await small.close();
    const fileBefore = fileHash(path.join(folder, DB_FILE_NAME));
    const { config, ownerPassword } = await newServerDatabase();
    const caFile = path.join(tempDir(), 'ca.crt');
    fs.writeFileSync(caFile, pg.caCertificate);
    const env = {
      ...process.env,
      TSX_TSCONFIG_PATH: 'tsconfig.run.json',
      FAMILIESPOR_SERVER_HOST: config.host,
      FAMILIESPOR_SERVER_PORT: String(config.port),
      FAMILIESPOR_SERVER_DATABASE: config.database,
      FAMILIESPOR_SERVER_CA: caFile,
      FAMILIESPOR_OWNER_PASSWORD: ownerPassword,
      FAMILIESPOR_ADMIN_LOGIN: ADMIN.loginName,
      FAMILIESPOR_ADMIN_PASSWORD: 'forkert adgangskode',
    };
    const script = ['--import', 'tsx', path.join(__dirname, '..', '..', '..', 'scripts', 'prepare-server.ts'), 'flyt', folder];
    const cwd = path.join(__dirname, '..', '..', '..');
    const wrong = await run(process.execPath, script, { env, cwd }).catch((err: { stderr: string }) => err);
    expect('stderr' in wrong ? wrong.stderr : '').toContain('Forkert brugernavn eller adgangskode.');
    const moved = await run(process.execPath, script, { env: { ...env, FAMILIESPOR_ADMIN_PASSWORD: ADMIN.password }, cwd });
    expect(moved.stdout).toContain(`Databasen ${config.database} er flyttet hertil.`);
    expect(fileHash(path.join(folder, DB_FILE_NAME))).toBe(fileBefore);
    const password = new RegExp(`^\\s+${ADMIN.loginName}\\s+(\\S+)$`, 'm').exec(moved.stdout)?.[1] ?? '';
    const server = workstationOn(config);
    expect((await must(server, 'session:login', { loginName: ADMIN.loginName, password })).mustChangePassword).toBe(true);
    await server.close();
  }, 120_000);

  it('the moving workstation uses the server from the end of its session (or its next start), not the file left behind', async () => {
    const { config, ownerPassword } = await newServerDatabase();
    const folder = tempDir();
    const small = newBackend({ dataDir: folder });
    await must(small, 'setup:create', { institutionName: 'Familiehuset Skift', admin: ADMIN });
    await must(small, 'families:create', { displayName: 'Familien Skift', startDate: '2026-09-01', persons: [{ kind: 'mother', name: 'Mor S' }] });
    const moved = await must(small, 'move:run', { server: config, ownerPassword });
    // Still this computer's session until it ends: the one-time passwords can be shown and printed.
    expect((await must(small, 'app:status', {})).server).toBeNull();
    await must(small, 'session:logout', {});
    expect((await must(small, 'app:status', {})).server).toEqual({ host: config.host, database: config.database });
    const password = moved.passwords.find((p) => p.loginName === ADMIN.loginName)?.password ?? '';
    expect((await must(small, 'session:login', { loginName: ADMIN.loginName, password })).mustChangePassword).toBe(true);
    await small.close();

    // A program killed before the moving session ended switches at its next start.
    const { config: other, ownerPassword: otherOwner } = await newServerDatabase();
    const killedFolder = tempDir();
    const killed = newBackend({ dataDir: killedFolder });
    await must(killed, 'setup:create', { institutionName: 'Familiehuset Nedbrud', admin: ADMIN });
    await must(killed, 'move:run', { server: other, ownerPassword: otherOwner });
    const restarted = newBackend({ dataDir: killedFolder });
    expect((await must(restarted, 'app:status', {})).server).toEqual({ host: other.host, database: other.database });
    await restarted.close();
    await killed.close();
  }, 120_000);
});
