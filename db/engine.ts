import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Which engine a connection speaks: the encrypted SQLite file (one workstation) or PostgreSQL (the institution's
 * server). The named functions in db/ that differ between engines ask this and call db/sqlite/ or db/postgres/;
 * services never do.
 */
export type EngineKind = 'sqlite' | 'postgres';

export function engineOf(db: Kysely<Database>): EngineKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
