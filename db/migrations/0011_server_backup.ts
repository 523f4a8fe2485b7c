import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable';

// Frozen in time: this migration imports no app code and takes Kysely<any>.
// The server's backup made by an administrator from the app: every row of every table, past row-level security
// (others' drafts), through two functions that run as the owner and answer administrators only. The key material and
// transient tables are never handed out. On SQLite (one workstation) nothing: the backup copies the file itself.

const refused = `array['secrets', 'key_slots', 'retention_mode', 'kysely_migration_lock', 'break_glass']`;
const definer = 'language plpgsql stable security definer set search_path = public, pg_temp';
const checks = `
     if familiespor_my_role() is distinct from 'admin' then raise exception 'only administrators export the database' using errcode = '42501'; end if;
     if p_table = any(${refused}) or not exists (select 1 from pg_tables where schemaname = 'public' and tablename = p_table) then
       raise exception 'not an exported table' using errcode = '22023';
     end if;`;

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  // A page of a table's rows as JSON: after an id (tables keyed by id) or by offset in primary-key order.
  await sql
    .raw(
      `create function familiespor_export_rows(p_table text, p_after integer, p_offset integer, p_limit integer) returns setof json ${definer} as $$
   declare v_order text;
   begin ${checks}
     if p_limit < 1 or p_limit > 10000 then raise exception 'bad page size' using errcode = '22023'; end if;
     select string_agg(quote_ident(a.attname), ', ' order by k.n) into v_order
       from pg_index i cross join lateral unnest(i.indkey) with ordinality as k(attnum, n)
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
       where i.indrelid = format('public.%I', p_table)::regclass and i.indisprimary;
     if v_order = 'id' then
       return query execute format('select row_to_json(t) from %I t where id > $1 order by id limit $2', p_table) using p_after, p_limit;
     else
       return query execute format('select row_to_json(t) from %I t order by %s offset $1 limit $2', p_table, coalesce(v_order, '1')) using p_offset, p_limit;
     end if;
   end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function familiespor_export_count(p_table text) returns bigint ${definer} as $$
   declare n bigint;
   begin ${checks}
     execute format('select count(*) from %I', p_table) into n;
     return n;
   end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `do $$ declare f text; begin
         foreach f in array array['familiespor_export_rows(text, integer, integer, integer)', 'familiespor_export_count(text)'] loop
           execute format('revoke all on function %s from public', f);
           execute format('grant execute on function %s to %I', f, current_database() || '_admin');
         end loop;
       end $$`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop function familiespor_export_rows(text, integer, integer, integer)`.execute(db);
  await sql`drop function familiespor_export_count(text)`.execute(db);
}
