import { sql, type Kysely } from 'kysely';

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
  await sql`drop table observation_search`.execute(db);
  await sql`create virtual table observation_search using fts5(body, family, tokenize = 'ascii', prefix = '2 3 4', detail = full, content = '', contentless_delete = 1)`.execute(db);
  // No index merging while a staff member waits for a save: merges run in idle time.
  await sql`insert into observation_search (observation_search, rank) values ('automerge', 0)`.execute(db);
  await db.insertInto('settings').values({ key: 'searchIndexVersion', value: '0' }).onConflict((oc) => oc.column('key').doUpdateSet({ value: '0' })).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table observation_search`.execute(db);
  await sql`create virtual table observation_search using fts5(body, family, tokenize = "unicode61 remove_diacritics 0", prefix = '2 3', detail = column)`.execute(db);
}
