// Frozen in time with migration 0010: deletion after the retention period and the access log's retention on the
// institution's server. No login may delete the append-only records, so both are functions owned by the database owner
// (SECURITY DEFINER, past row-level security) that check the rules in the database itself, by the server's clock and
// the settings table, mark their own transaction in `retention_mode` (the one exception to the append-only guards)
// and write their own access-log row, so a call from psql is logged too.

/**
 * The tables holding a family's rows as of this migration, in deletion order: [table, column, parent] — `column`
 * names a row of `parent` ('families': the family itself). A frozen copy of db/retention.ts FAMILY_RECORD_TABLES;
 * tests/integration/server/retention.test.ts compares the installed function with that list.
 */
export const familyRecordTables: ReadonlyArray<readonly [string, string, string]> = [
  ['status_report_observations', 'report_id', 'status_reports'],
  ['status_reports', 'family_id', 'families'],
  ['goal_observations', 'goal_id', 'goals'],
  ['goal_review_participants', 'review_id', 'goal_reviews'],
  ['goal_reviews', 'goal_id', 'goals'],
  ['goal_revisions', 'goal_id', 'goals'],
  ['goals', 'family_id', 'families'],
  ['measurement_revisions', 'measurement_id', 'measurements'],
  ['measurements', 'family_id', 'families'],
  ['discharge_plan_support', 'version_id', 'discharge_plan_versions'],
  ['discharge_plan_agreements', 'version_id', 'discharge_plan_versions'],
  ['discharge_plan_steps', 'version_id', 'discharge_plan_versions'],
  ['discharge_plan_parties', 'version_id', 'discharge_plan_versions'],
  ['discharge_plan_versions', 'family_id', 'families'],
  ['safety_plan_contacts', 'version_id', 'safety_plan_versions'],
  ['safety_plan_items', 'version_id', 'safety_plan_versions'],
  ['safety_plan_parties', 'version_id', 'safety_plan_versions'],
  ['safety_plan_versions', 'family_id', 'families'],
  ['network_agreement_followups', 'agreement_id', 'network_agreements'],
  ['network_agreements', 'family_id', 'families'],
  ['network_meeting_amendments', 'meeting_id', 'network_meetings'],
  ['network_meeting_participants', 'meeting_id', 'network_meetings'],
  ['network_meetings', 'family_id', 'families'],
  ['network_persons', 'family_id', 'families'],
  ['observation_search', 'observation_id', 'observations'],
  ['observation_persons', 'observation_id', 'observations'],
  ['observation_amendments', 'observation_id', 'observations'],
  ['concern_acknowledgements', 'observation_id', 'observations'],
  ['underretning_amendments', 'underretning_id', 'underretninger'],
  ['underretninger', 'family_id', 'families'],
  ['observations', 'family_id', 'families'],
  ['coordinator_periods', 'family_id', 'families'],
  ['team_members', 'family_id', 'families'],
  ['persons', 'family_id', 'families'],
  ['family_phases', 'family_id', 'families'],
  ['break_glass', 'family_id', 'families'],
  ['families', 'id', 'families'],
];

const definer = 'language plpgsql security definer set search_path = public, pg_temp';
const isoNow = `to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The condition that a row of a table (through `column`, naming a row of `parent`) belongs to family p_family. */
function belongsTo(column: string, parent: string): string {
  if (parent === 'families') return `${column} = p_family`;
  const step = familyRecordTables.find(([table]) => table === parent);
  if (!step) throw new Error(`${parent} is not in the list`);
  return `${column} in (select id from ${parent} where ${belongsTo(step[1], step[2])})`;
}

const deletions = familyRecordTables
  .map(([table, column, parent]) => {
    const count = table === 'observations' ? ' get diagnostics v_observations = row_count;' : table === 'persons' ? ' get diagnostics v_persons = row_count;' : '';
    return `delete from ${table} where ${belongsTo(column, parent)};${count}`;
  })
  .join('\n     ');

export const serverRetentionSql: string[] = [
  // A whole number of years from the settings table (a JSON number), at least 1; the default when unset or not a number.
  `create function familiespor_setting_years(p_key text, p_default integer) returns integer language sql stable security definer set search_path = public, pg_temp as $$
     select coalesce((select greatest(1, value::integer) from settings where key = p_key and value ~ '^[0-9]{1,3}$'), p_default) $$`,

  // Deletion after the retention period (administrators, as in the app): the family is closed and its end date lies
  // more than the institution's period (familyRetentionYears, default 5) before today in Denmark. The caller has had
  // the family's name typed back. Deletes the family's rows everywhere, records it without personal data, erases the
  // detail of its access-log rows (they keep their place in the chain) and logs the deletion.
  `create function familiespor_delete_family(p_family integer) returns table (deleted_observations integer, deleted_persons integer, erased_details integer) ${definer} as $$
   declare
     me integer := familiespor_me();
     v_end text; v_years integer; v_due_before text; v_observations integer := 0; v_persons integer := 0; v_erased integer := 0;
   begin
     if me is null or familiespor_my_role() is distinct from 'admin' then
       raise exception 'only administrators delete a family after the retention period' using errcode = '42501';
     end if;
     select f.end_date into v_end from families f where f.id = p_family for update;
     if not found then raise exception 'no such family' using errcode = 'P0002'; end if;
     if v_end is null then raise exception 'the family is not closed' using errcode = 'FS001'; end if;
     v_years := familiespor_setting_years('familyRetentionYears', 5);
     v_due_before := to_char((now() at time zone 'Europe/Copenhagen')::date - make_interval(years => v_years), 'YYYY-MM-DD');
     if v_end >= v_due_before then raise exception 'the retention period has not passed' using errcode = 'FS002'; end if;

     insert into retention_mode (purpose) values ('retention');
     ${deletions}
     insert into deleted_families (family_id, closed_on, deleted_at, deleted_by, retention_years) values (p_family, v_end, ${isoNow}, me, v_years);
     update access_log set detail = null where family_id = p_family and detail is not null;
     get diagnostics v_erased = row_count;
     delete from retention_mode where purpose = 'retention';

     perform familiespor_log_access(jsonb_build_array(jsonb_build_object('user_id', me, 'action', 'change', 'channel', 'server:delete_family',
       'subject', 'forløb slettet efter opbevaringsperioden (registreret af serveren)', 'family_id', p_family)));
     return query select v_observations, v_persons, v_erased;
   end $$`,

  // The access log's retention, at every login (any user, as on the single-PC app), at most once a day: rows older
  // than the institution's period (accessLogRetentionYears, default 5) go and the chain's start moves to the first row
  // kept, so what remains still verifies. The newest row always stays: ids go on from it and the anchor still points
  // at it. It takes no arguments: a login can only make happen what its next login would.
  `create function familiespor_access_log_retention() returns integer ${definer} as $$
   declare
     me integer := familiespor_me();
     v_last text; v_before text; v_keep integer; v_keep_prev text; v_deleted integer := 0;
   begin
     if me is null then raise exception 'not a Familiespor user' using errcode = '42501'; end if;
     -- The log's writers wait: the chain's start and its rows change together.
     perform pg_advisory_xact_lock(7263, 1);
     select value into v_last from settings where key = 'accessLogRetentionRunAt';
     if v_last ~ '^"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z"$' and (v_last::jsonb #>> '{}')::timestamptz > now() - interval '1 day' then return 0; end if;
     v_before := to_char((now() - make_interval(years => familiespor_setting_years('accessLogRetentionYears', 5))) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
     select a.id, a.prev_hash into v_keep, v_keep_prev from access_log a where a.at >= v_before order by a.id limit 1;
     if v_keep is null then select a.id, a.prev_hash into v_keep, v_keep_prev from access_log a order by a.id desc limit 1; end if;
     if v_keep is not null then
       insert into retention_mode (purpose) values ('retention');
       delete from access_log where id < v_keep;
       get diagnostics v_deleted = row_count;
       if v_deleted > 0 then update access_log_chain set first_id = v_keep, first_prev_hash = coalesce(v_keep_prev, repeat('0', 64)) where id = 1; end if;
       delete from retention_mode where purpose = 'retention';
     end if;
     insert into settings (key, value) values ('accessLogRetentionRunAt', to_json(${isoNow})::text)
       on conflict (key) do update set value = excluded.value;
     if v_deleted > 0 then
       perform familiespor_log_access(jsonb_build_array(jsonb_build_object('user_id', me, 'action', 'change', 'channel', 'server:access_log_retention',
         'subject', 'adgangslog: rækker ud over opbevaringsperioden slettet', 'detail', jsonb_build_object('deleted', v_deleted)::text)));
     end if;
     return v_deleted;
   end $$`,

  // Callable by whom the app lets do it: deletion by administrators; the log's retention by every login. PUBLIC
  // gets nothing (PostgreSQL grants EXECUTE to PUBLIC by default).
  `do $$ declare d text := current_database(); begin
     execute 'revoke all on function familiespor_setting_years(text, integer) from public';
     execute 'revoke all on function familiespor_delete_family(integer) from public';
     execute 'revoke all on function familiespor_access_log_retention() from public';
     execute format('grant execute on function familiespor_delete_family(integer) to %I', d || '_admin');
     execute format('grant execute on function familiespor_access_log_retention() to %I', d || '_app');
   end $$`,
];
