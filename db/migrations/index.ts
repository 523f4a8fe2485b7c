import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_families_log';
import * as m0003 from './0003_trust';
import * as m0004 from './0004_danish_search';
import * as m0005 from './0005_concerns_underretninger';
import * as m0006 from './0006_progression';
import * as m0007 from './0007_network_discharge';
import * as m0008 from './0008_family_retention';
import * as m0009 from './0009_server_security';
import * as m0010 from './0010_server_retention';
import * as m0011 from './0011_server_backup';

/**
 * Every migration, in order. A static map (not a folder scan) so the bundled main process carries them.
 * Names sort in the order they must run; never rename or edit a migration that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_families_log': m0002,
  '0003_trust': m0003,
  '0004_danish_search': m0004,
  '0005_concerns_underretninger': m0005,
  '0006_progression': m0006,
  '0007_network_discharge': m0007,
  '0008_family_retention': m0008,
  '0009_server_security': m0009,
  '0010_server_retention': m0010,
  '0011_server_backup': m0011,
};

export const SCHEMA_VERSION = Object.keys(migrations).length;
