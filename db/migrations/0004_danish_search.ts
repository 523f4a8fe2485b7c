import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable';

// Frozen in time: this migration imports no app code and takes Kysely<any>.
// Danish search: the index holds the application's tokens (words split by one rule, stemmed, irregular forms mapped,
// encoded to ASCII), so SQLite's own tokenizer only splits on the spaces between them.
// - tokenize ascii: tokens are [0-9a-z] only; nothing for SQLite to decide about Unicode.
// - detail=full: exact phrases in quotes (word order) are answered by the index.
// - content='' with contentless_delete=1: the index only (the app reads nothing but rowids from it); rows can still
//   be deleted and re-inserted (amendments).
// - prefix indexes of 2–4 characters: the live suggestions match the word being typed as a prefix.
// The database layer fills it after migrating (a new index version), with progress for large databases.
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    // PostgreSQL: the same tokens in a tsvector ('simple': the application has already split, stemmed and encoded
    // them), a GIN index for matching, and the family and id for one family's notes and newest-first paging.
    await sql`create table observation_search (observation_id integer primary key references observations (id), family_id integer not null, body tsvector not null)`.execute(db);
    await sql`create index observation_search_body on observation_search using gin (body)`.execute(db);
    await sql`create index observation_search_family on observation_search (family_id, observation_id desc)`.execute(db);
  } else {
    await createFts5(db);
  }
  await db.insertInto('settings').values({ key: 'searchIndexVersion', value: '0' }).onConflict((oc) => oc.column('key').doUpdateSet({ value: '0' })).execute();
}

async function createFts5(db: Kysely<any>): Promise<void> {
  await sql`drop table observation_search`.execute(db);
  await sql`create virtual table observation_search using fts5(body, family, tokenize = 'ascii', prefix = '2 3 4', detail = full, content = '', contentless_delete = 1)`.execute(db);
  // No index merging while a staff member waits for a save: merges run in idle time.
  await sql`insert into observation_search (observation_search, rank) values ('automerge', 0)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table observation_search`.execute(db);
  if (isPostgres(db)) return;
  await sql`create virtual table observation_search using fts5(body, family, tokenize = "unicode61 remove_diacritics 0", prefix = '2 3', detail = column)`.execute(db);
}
