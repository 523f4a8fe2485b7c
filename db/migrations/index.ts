import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation';

/**
 * Every migration, in order. A static map (not a folder scan) so the bundled main process carries them.
 * Names sort in the order they must run; never rename or edit a migration that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};

export const SCHEMA_VERSION = Object.keys(migrations).length;
