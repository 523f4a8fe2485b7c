// Frozen in time with migration 0009: the server's roles, privileges, row-level security and the functions that are
// the only way to write the access log and to manage logins. Runs as the database owner (who has CREATEROLE and owns
// every table, so these SECURITY DEFINER functions see past row-level security; the app never connects as the owner).
// Every role name starts with the database's name, so two institutions' databases on one server never share roles.

/** Tables whose rows belong to one family through their own `family_id`. */
const familyTables = [
  'family_phases',
  'persons',
  'team_members',
  'coordinator_periods',
  'underretninger',
  'measurements',
  'goals',
  'status_reports',
  'network_persons',
  'network_meetings',
  'network_agreements',
  'safety_plan_versions',
  'discharge_plan_versions',
  'observation_search',
];

/** Tables whose rows belong to a family through a parent row: [table, column, parent table]. */
const childTables: Array<[string, string, string]> = [
  ['observation_persons', 'observation_id', 'observations'],
  ['observation_amendments', 'observation_id', 'observations'],
  ['concern_acknowledgements', 'observation_id', 'observations'],
  ['underretning_amendments', 'underretning_id', 'underretninger'],
  ['measurement_revisions', 'measurement_id', 'measurements'],
  ['goal_revisions', 'goal_id', 'goals'],
  ['goal_reviews', 'goal_id', 'goals'],
  ['goal_observations', 'goal_id', 'goals'],
  ['goal_review_participants', 'review_id', 'goal_reviews'],
  ['status_report_observations', 'report_id', 'status_reports'],
  ['network_meeting_participants', 'meeting_id', 'network_meetings'],
  ['network_meeting_amendments', 'meeting_id', 'network_meetings'],
  ['network_agreement_followups', 'agreement_id', 'network_agreements'],
  ['safety_plan_items', 'version_id', 'safety_plan_versions'],
  ['safety_plan_contacts', 'version_id', 'safety_plan_versions'],
  ['safety_plan_parties', 'version_id', 'safety_plan_versions'],
  ['discharge_plan_steps', 'version_id', 'discharge_plan_versions'],
  ['discharge_plan_support', 'version_id', 'discharge_plan_versions'],
  ['discharge_plan_parties', 'version_id', 'discharge_plan_versions'],
  ['discharge_plan_agreements', 'version_id', 'discharge_plan_versions'],
];

/** Tables the app may change rows of (everything else it may only read and add to). */
const updatable = [
  'coordinator_periods',
  'families',
  'instruments',
  'network_persons',
  'observation_categories',
  'observations',
  'persons',
  'status_reports',
  'team_members',
  'users',
  'settings',
  'observation_search',
];
/** Tables the app may delete rows of: drafts only (row-level security and the append-only triggers say which rows). */
const deletable = ['observations', 'observation_persons', 'status_report_observations'];
/** Written only by the owner's functions. */
const noInsert = ['access_log', 'access_log_chain', 'access_log_anchor', 'deleted_families', 'retention_mode', 'secrets', 'key_slots', 'break_glass', 'kysely_migration', 'kysely_migration_lock'];
/** Not even readable by the app's roles. */
const noSelect = ['secrets', 'key_slots', 'retention_mode', 'kysely_migration_lock'];

const list = (names: string[]) => `array[${names.map((n) => `'${n}'`).join(', ')}]`;
const definer = 'language plpgsql security definer set search_path = public, pg_temp';
/** Row-level security's test for a family id column. */
const maySee = (column: string) => `(${column} is null or (select familiespor_sees_all()) or ${column} = any (cast((select familiespor_own_families()) as integer[])))`;

export const serverSecuritySql: string[] = [
  // Group roles: <db>_app (every staff login, through one of the three), <db>_staff, <db>_leader, <db>_admin.
  `do $$ declare d text := current_database(); g text; begin
     foreach g in array array['app', 'staff', 'leader', 'admin'] loop
       if not exists (select 1 from pg_roles where rolname = d || '_' || g) then execute format('create role %I nologin', d || '_' || g); end if;
     end loop;
     foreach g in array array['staff', 'leader', 'admin'] loop execute format('grant %I to %I', d || '_app', d || '_' || g); end loop;
   end $$`,

  // Who is calling: the user row of the login role (session_user, which SET ROLE cannot change), if active.
  `create function familiespor_me() returns integer language sql stable security definer set search_path = public, pg_temp as $$
     select id from users where server_role = session_user and active = 1 $$`,
  `create function familiespor_my_role() returns text language sql stable security definer set search_path = public, pg_temp as $$
     select role from users where server_role = session_user and active = 1 $$`,
  // Need-to-know in the database: leaders and administrators see every family; staff every family unless the
  // institution has turned need-to-know on, then only their indsatsteam's families and those they broke the glass for.
  // Policies call these through scalar subqueries, so they run once per statement, not once per row.
  `create function familiespor_sees_all() returns boolean language sql stable security definer set search_path = public, pg_temp as $$
     select exists (select 1 from users u where u.server_role = session_user and u.active = 1 and (
       u.role in ('leader', 'admin') or coalesce((select value from settings where key = 'needToKnow'), 'false') <> 'true')) $$`,
  `create function familiespor_own_families() returns integer[] language sql stable security definer set search_path = public, pg_temp as $$
     select coalesce(array_agg(distinct f), '{}') from (
       select t.family_id as f from team_members t where t.user_id = familiespor_me() and t.removed_at is null
       union select b.family_id from break_glass b where b.user_id = familiespor_me() and b.expires_at > now()
       -- The one who created a family (and is then put on its team by the same call) may write its first rows.
       union select fa.id from families fa where fa.created_by = familiespor_me()) x $$`,

  // The append-only guards read other tables (the retention mark, an observation's status) that the app's roles may
  // not, or not all of: they run as their owner.
  `do $$ declare f text; begin
     for f in select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.proname like '%\\_guard' loop
       execute format('alter function %s security definer set search_path = public, pg_temp', f);
     end loop;
   end $$`,

  // Privileges: nothing for PUBLIC; the app's roles get what the services use, no more.
  `do $$ declare d text := current_database(); app text := current_database() || '_app'; t text; begin
     execute format('revoke all on schema public from public');
     execute format('grant usage on schema public to %I', app);
     for t in select tablename from pg_tables where schemaname = 'public' loop
       execute format('revoke all on table %I from public', t);
       if not t = any(${list(noSelect)}) then execute format('grant select on table %I to %I', t, app); end if;
       if not t = any(${list(noInsert)}) then execute format('grant insert on table %I to %I', t, app); end if;
       if t = any(${list(updatable)}) then execute format('grant update on table %I to %I', t, app); end if;
       if t = any(${list(deletable)}) then execute format('grant delete on table %I to %I', t, app); end if;
     end loop;
     execute format('grant usage on all sequences in schema public to %I', app);
     execute format('revoke all on database %I from public', d);
     execute format('grant connect on database %I to %I', d, app);
   end $$`,

  // Row-level security. The owner (who runs migrations and owns the functions) is not subject to it; the app's roles are.
  `alter table families enable row level security`,
  // (Its creator sees a new family at once: the insert's RETURNING, before the creator is on its team.)
  `create policy families_read on families for select using (${maySee('id')} or created_by = (select familiespor_me()))`,
  `create policy families_add on families for insert with check (true)`,
  `create policy families_change on families for update using ${maySee('id')}`,
  ...familyTables.flatMap((t) => [`alter table ${t} enable row level security`, `create policy ${t}_family on ${t} for all using ${maySee('family_id')}`]),
  ...childTables.flatMap(([t, column, parent]) => [
    `alter table ${t} enable row level security`,
    // The parent's own policy applies inside the subquery: a child row is visible exactly when its parent is.
    `create policy ${t}_family on ${t} for all using (exists (select 1 from ${parent} p where p.id = ${t}.${column}))`,
  ]),
  // Observations: signed ones by need-to-know; a draft only by its author, who alone may change or delete it.
  `alter table observations enable row level security`,
  `create policy observations_read on observations for select using (${maySee('family_id')} and (status = 'signed' or author_id = (select familiespor_me())))`,
  `create policy observations_add on observations for insert with check (${maySee('family_id')} and author_id = (select familiespor_me()))`,
  `create policy observations_draft on observations for update using (status = 'draft' and author_id = (select familiespor_me())) with check (${maySee('family_id')} and author_id = (select familiespor_me()))`,
  `create policy observations_discard on observations for delete using (status = 'draft' and author_id = (select familiespor_me()))`,
  // Instruments (their scoring and cut-offs) and the note categories: everyone reads; leaders and administrators
  // change instruments, administrators the categories — as the channels allow.
  ...['instruments', 'instrument_versions'].flatMap((t) => [
    `alter table ${t} enable row level security`,
    `create policy ${t}_read on ${t} for select using (true)`,
    `create policy ${t}_leaders on ${t} for all using ((select familiespor_my_role()) in ('leader', 'admin')) with check ((select familiespor_my_role()) in ('leader', 'admin'))`,
  ]),
  `alter table observation_categories enable row level security`,
  `create policy observation_categories_read on observation_categories for select using (true)`,
  `create policy observation_categories_admin on observation_categories for all using ((select familiespor_my_role()) = 'admin') with check ((select familiespor_my_role()) = 'admin')`,
  // Staff accounts and settings: everyone reads; administrators change.
  `alter table users enable row level security`,
  `create policy users_read on users for select using (true)`,
  `create policy users_admin on users for all using ((select familiespor_my_role()) = 'admin') with check ((select familiespor_my_role()) = 'admin')`,
  `alter table settings enable row level security`,
  `create policy settings_read on settings for select using (true)`,
  `create policy settings_admin on settings for all using ((select familiespor_my_role()) = 'admin') with check ((select familiespor_my_role()) = 'admin')`,
  // The access log: leaders and administrators read it all; staff their own rows. Nobody writes it but the function.
  `alter table access_log enable row level security`,
  `create policy access_log_read on access_log for select using ((select familiespor_my_role()) in ('leader', 'admin') or user_id = (select familiespor_me()))`,
  `alter table deleted_families enable row level security`,
  `create policy deleted_families_read on deleted_families for select using ((select familiespor_my_role()) in ('leader', 'admin'))`,
  `alter table break_glass enable row level security`,
  `create policy break_glass_own on break_glass for select using (user_id = (select familiespor_me()))`,

  // The access log's only writer: stamps the caller and the server's time, keeps the hash chain linear with any number
  // of workstations (an advisory lock; ids follow the chain without gaps), and moves the anchor. The row encoding is
  // the one in db/access-log.ts (rowHash): JSON of the same fields in the same order.
  `create function familiespor_log_access(p_rows jsonb) returns table (last_id integer, last_hash text) ${definer} as $$
   declare
     me integer := familiespor_me();
     r jsonb; head integer; prev text; v_at text; v_user integer; v_family integer; v_detail_hash text; v_hash text; v_verified integer;
   begin
     if me is null then raise exception 'not a Familiespor user' using errcode = '42501'; end if;
     perform pg_advisory_xact_lock(7263, 1);
     select a.id, a.hash into head, prev from access_log a order by a.id desc limit 1;
     if head is null then head := 0; prev := repeat('0', 64); end if;
     v_at := to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
     for r in select value from jsonb_array_elements(p_rows) loop
       v_user := (r->>'user_id')::integer;
       -- Every row names its writer: the caller (a row naming nobody or someone else is refused).
       if v_user is distinct from me then raise exception 'access-log rows name their writer' using errcode = '42501'; end if;
       v_family := (r->>'family_id')::integer;
       v_verified := coalesce((r->>'verified')::integer, 1);
       v_detail_hash := case when r->>'detail' is null then null else encode(sha256(convert_to(r->>'detail', 'UTF8')), 'hex') end;
       v_hash := encode(sha256(convert_to('[' || concat_ws(',',
         to_json('familiespor-access-log-v1'::text)::text, to_json(prev)::text, to_json(v_at)::text,
         coalesce(v_user::text, 'null'), coalesce(to_json(r->>'session_id')::text, 'null'), to_json(r->>'action')::text,
         to_json(r->>'channel')::text, coalesce(to_json(r->>'subject')::text, 'null'), coalesce(v_family::text, 'null'),
         coalesce(to_json(v_detail_hash)::text, 'null'), v_verified::text) || ']', 'UTF8')), 'hex');
       head := head + 1;
       insert into access_log (id, at, user_id, session_id, action, channel, subject, family_id, detail, detail_hash, verified, prev_hash, hash)
         values (head, v_at, v_user, r->>'session_id', r->>'action', r->>'channel', r->>'subject', v_family, r->>'detail', v_detail_hash, v_verified, prev, v_hash);
       if not exists (select 1 from access_log_chain) then insert into access_log_chain (id, first_id, first_prev_hash) values (1, head, prev); end if;
       prev := v_hash;
     end loop;
     insert into access_log_anchor (id, last_id, hash, at) values (1, head, prev, v_at)
       on conflict (id) do update set last_id = excluded.last_id, hash = excluded.hash, at = excluded.at;
     return query select head, prev;
   end $$`,

  // Logins: an administrator creates a staff member's own role (the password arrives as a SCRAM verifier computed on
  // the workstation, so the server never sees it), sets a temporary password, and the user sets their own.
  `create function familiespor_create_login(p_user integer, p_role text, p_verifier text) returns void ${definer} as $$
   declare v_role text; v_app_role text;
   begin
     if familiespor_my_role() is distinct from 'admin' then raise exception 'only administrators create logins' using errcode = '42501'; end if;
     if left(p_role, length(current_database()) + 1) <> current_database() || '.' then raise exception 'bad role name' using errcode = '22023'; end if;
     if p_verifier !~ '^SCRAM-SHA-256\\$' then raise exception 'a SCRAM verifier is required' using errcode = '22023'; end if;
     if exists (select 1 from pg_roles where rolname = p_role) then raise exception 'the role exists' using errcode = '42710'; end if;
     select server_role, role into v_role, v_app_role from users where id = p_user;
     if not found or v_role is not null then raise exception 'no such user without a login' using errcode = '22023'; end if;
     execute format('create role %I login password %L in role %I', p_role, p_verifier, current_database() || '_' || v_app_role);
     update users set server_role = p_role where id = p_user;
   end $$`,
  `create function familiespor_set_password(p_user integer, p_verifier text) returns void ${definer} as $$
   declare v_role text;
   begin
     if p_user is distinct from familiespor_me() and familiespor_my_role() is distinct from 'admin' then
       raise exception 'only administrators set other users'' passwords' using errcode = '42501';
     end if;
     if p_verifier !~ '^SCRAM-SHA-256\\$' then raise exception 'a SCRAM verifier is required' using errcode = '22023'; end if;
     select server_role into v_role from users where id = p_user;
     if not familiespor_is_login(v_role) then raise exception 'the user has no login' using errcode = '22023'; end if;
     execute format('alter role %I password %L', v_role, p_verifier);
     -- Set by an administrator: a temporary password, to be changed at the next login.
     update users set must_change_password = case when p_user = familiespor_me() then 0 else 1 end where id = p_user;
   end $$`,
  // Which database role a user logs in as is set only by familiespor_create_login (running as the owner): an
  // administrator cannot point a user at another role (the owner's, say) and then set its password.
  `create function familiespor_users_guard() returns trigger language plpgsql set search_path = public, pg_temp as $$
   begin
     if familiespor_is_login(current_user::text)
        and ((tg_op = 'INSERT' and new.server_role is not null) or (tg_op = 'UPDATE' and new.server_role is distinct from old.server_role)) then
       raise exception 'server_role is set by familiespor_create_login only' using errcode = '42501';
     end if;
     return new;
   end $$`,
  `create trigger users_guard before insert or update on users for each row execute function familiespor_users_guard()`,
  // A role these functions may act on: one of this institution's logins (named <database>.<login>, in <database>_app).
  `create function familiespor_is_login(p_role text) returns boolean language sql stable set search_path = public, pg_temp as $$
     select p_role is not null and left(p_role, length(current_database()) + 1) = current_database() || '.'
       and exists (select 1 from pg_roles where rolname = p_role) and pg_has_role(p_role, current_database() || '_app', 'usage') $$`,
  // A user's role and active flag follow the users row: the group role and whether the role may log in at all.
  `create function familiespor_users_follow() returns trigger ${definer} as $$
   begin
     if not familiespor_is_login(new.server_role) then return new; end if;
     if new.role is distinct from old.role then
       execute format('revoke %I, %I, %I from %I', current_database() || '_staff', current_database() || '_leader', current_database() || '_admin', new.server_role);
       execute format('grant %I to %I', current_database() || '_' || new.role, new.server_role);
     end if;
     if new.active is distinct from old.active then
       execute format('alter role %I %s', new.server_role, case when new.active = 1 then 'login' else 'nologin' end);
     end if;
     return new;
   end $$`,
  `create trigger users_follow after update of role, active on users for each row execute function familiespor_users_follow()`,

  // "Bryd glasset": a row row-level security sees, until logout (at most 12 hours).
  `create function familiespor_break_glass(p_family integer, p_session text) returns boolean ${definer} as $$
   begin
     if familiespor_me() is null then raise exception 'not a Familiespor user' using errcode = '42501'; end if;
     if not exists (select 1 from families where id = p_family) then return false; end if;
     insert into break_glass (user_id, family_id, session_id, expires_at) values (familiespor_me(), p_family, p_session, now() + interval '12 hours');
     -- In the access log whoever calls it (the app adds its own row with the reason; psql cannot skip this one).
     perform familiespor_log_access(jsonb_build_array(jsonb_build_object('user_id', familiespor_me(), 'session_id', p_session,
       'action', 'break_glass', 'channel', 'server:break_glass', 'subject', 'glasset brudt (registreret af serveren)', 'family_id', p_family)));
     return true;
   end $$`,
  `create function familiespor_end_session(p_session text) returns void ${definer} as $$
   begin delete from break_glass where user_id = familiespor_me() and (session_id = p_session or expires_at < now()); end $$`,
  // Which family a record belongs to, past row-level security (the app then asks need-to-know, and logs a refusal).
  `create function familiespor_family_of(p_table text, p_id integer) returns table (family_id integer, found boolean) ${definer} as $$
   begin
     if familiespor_me() is null then raise exception 'not a Familiespor user' using errcode = '42501'; end if;
     if p_table not in ('observations', 'persons', 'team_members', 'measurements', 'goals', 'status_reports', 'network_persons',
                        'network_agreements', 'network_meetings', 'underretninger') then
       raise exception 'not a family record' using errcode = '22023';
     end if;
     return query execute format('select family_id, true from %I where id = $1', p_table) using p_id;
   end $$`,
  // The open families' names, for choosing a family to break the glass for (names only, no family data).
  `create function familiespor_family_directory() returns table (id integer, display_name text) language sql stable security definer set search_path = public, pg_temp as $$
     select f.id, f.display_name from families f where f.end_date is null and familiespor_me() is not null $$`,

  // Live between workstations: a signed note, a correction or an acknowledged concern is announced (ids only, never
  // text) on the channel every workstation listens to; they fetch what their user may see.
  `create function familiespor_announce() returns trigger ${definer} as $$
   declare v_family integer; v_kind text;
   begin
     if tg_table_name = 'observations' then
       if new.status <> 'signed' or (tg_op = 'UPDATE' and old.status = 'signed') then return null; end if;
       v_kind := 'observation'; v_family := new.family_id;
     else
       v_kind := case when tg_table_name = 'observation_amendments' then 'amendment' else 'concern' end;
       select o.family_id into v_family from observations o where o.id = new.observation_id;
     end if;
     perform pg_notify('familiespor', json_build_object('kind', v_kind, 'familyId', v_family)::text);
     return null;
   end $$`,
  `create trigger observations_announce after insert or update of status on observations for each row execute function familiespor_announce()`,
  `create trigger observation_amendments_announce after insert on observation_amendments for each row execute function familiespor_announce()`,
  `create trigger concern_acknowledgements_announce after insert on concern_acknowledgements for each row execute function familiespor_announce()`,

  // Who wrote, signed, sent or acknowledged a row is the login writing it: a staff member with psql cannot put another
  // name under a note, a signature (status reports) or an acknowledgement. (Owner-run migrations are not checked.)
  `create function familiespor_stamp_check() returns trigger language plpgsql set search_path = public, pg_temp as $$
   declare c text; v_new text; v_old text;
   begin
     if not familiespor_is_login(current_user::text) then return new; end if;
     foreach c in array tg_argv loop
       v_new := to_jsonb(new) ->> c;
       v_old := case when tg_op = 'UPDATE' then to_jsonb(old) ->> c else null end;
       if v_new is not null and v_new is distinct from v_old and v_new::integer is distinct from familiespor_me() then
         raise exception 'the % of a row is the login writing it', c using errcode = '42501';
       end if;
     end loop;
     return new;
   end $$`,
  `do $$ declare r record; begin
     for r in select c.table_name, array_agg(c.column_name::text order by c.column_name) as cols from information_schema.columns c
              where c.table_schema = 'public' and c.column_name in ('created_by', 'recorded_by', 'author_id', 'signed_by', 'acknowledged_by', 'sent_by', 'deleted_by')
              group by c.table_name loop
       execute format('create trigger %I before insert or update on %I for each row execute function familiespor_stamp_check(%s)',
         r.table_name || '_stamp', r.table_name, (select string_agg(quote_literal(x), ', ') from unnest(r.cols) x));
     end loop;
   end $$`,

  // Only the functions above are callable by the app's roles.
  `do $$ declare app text := current_database() || '_app'; f text; begin
     for f in select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' loop
       execute format('revoke all on function %s from public', f);
     end loop;
     foreach f in array array['familiespor_me()', 'familiespor_my_role()', 'familiespor_sees_all()', 'familiespor_own_families()', 'familiespor_log_access(jsonb)',
       'familiespor_create_login(integer, text, text)', 'familiespor_set_password(integer, text)', 'familiespor_break_glass(integer, text)', 'familiespor_is_login(text)',
       'familiespor_end_session(text)', 'familiespor_family_directory()', 'familiespor_family_of(text, integer)'] loop
       execute format('grant execute on function %s to %I', f, app);
     end loop;
   end $$`,
];
