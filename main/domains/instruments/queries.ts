import type { Kysely } from 'kysely';
import { AppFailure } from '../../../common/errors';
import { instrumentDefinitionSchema, type Instrument, type InstrumentDefinition } from '../../../common/instruments';
import type { Database } from '../../../db/schema';

/** A stored definition, checked by the one schema (a definition that no longer parses is a bug, not user input). */
export function parseDefinition(json: string): InstrumentDefinition {
  return instrumentDefinitionSchema.parse(JSON.parse(json));
}

export interface InstrumentVersion {
  versionId: number;
  instrumentId: number;
  version: number;
  active: boolean;
  definition: InstrumentDefinition;
}

/** Instrument versions by id (the versions measurements were made with). */
export async function loadVersions(db: Kysely<Database>, versionIds: number[]): Promise<Map<number, InstrumentVersion>> {
  const ids = [...new Set(versionIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('instrument_versions as v')
    .innerJoin('instruments as i', 'i.id', 'v.instrument_id')
    .select(['v.id', 'v.instrument_id', 'v.version', 'v.definition', 'i.active'])
    .where('v.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { versionId: r.id, instrumentId: r.instrument_id, version: r.version, active: r.active === 1, definition: parseDefinition(r.definition) }]));
}

/** The newest version of each instrument (all, or the given ones). */
export async function currentVersions(db: Kysely<Database>, options: { instrumentIds?: number[]; activeOnly?: boolean } = {}): Promise<InstrumentVersion[]> {
  let q = db
    .selectFrom('instrument_versions as v')
    .innerJoin('instruments as i', 'i.id', 'v.instrument_id')
    .select(['v.id', 'v.instrument_id', 'v.version', 'v.definition', 'i.active'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('instrument_versions as newer').select('newer.id').whereRef('newer.instrument_id', '=', 'v.instrument_id').whereRef('newer.version', '>', 'v.version'))),
    )
    .orderBy('i.id');
  if (options.instrumentIds) q = q.where('i.id', 'in', options.instrumentIds.length ? options.instrumentIds : [0]);
  if (options.activeOnly) q = q.where('i.active', '=', 1);
  const rows = await q.execute();
  return rows.map((r) => ({ versionId: r.id, instrumentId: r.instrument_id, version: r.version, active: r.active === 1, definition: parseDefinition(r.definition) }));
}

export async function currentVersion(db: Kysely<Database>, instrumentId: number): Promise<InstrumentVersion> {
  const [v] = await currentVersions(db, { instrumentIds: [instrumentId] });
  if (!v) throw new AppFailure('not_found', 'Måleredskabet findes ikke.');
  return v;
}

/** Instruments with their newest definition and their version history, built-in first, then by name. */
export async function loadInstruments(db: Kysely<Database>, options: { ids?: number[]; includeInactive?: boolean } = {}): Promise<Instrument[]> {
  let q = db.selectFrom('instruments').select(['id', 'key', 'builtin', 'active']);
  if (options.ids) q = q.where('id', 'in', options.ids.length ? options.ids : [0]);
  if (!options.includeInactive) q = q.where('active', '=', 1);
  const instruments = await q.execute();
  const ids = instruments.map((i) => i.id);
  if (!ids.length) return [];
  const versions = await db
    .selectFrom('instrument_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.id', 'v.instrument_id', 'v.version', 'v.definition', 'v.note', 'v.created_at', 'u.name as created_by'])
    .where('v.instrument_id', 'in', ids)
    .orderBy('v.version')
    .execute();
  const collator = new Intl.Collator('da');
  return instruments
    .flatMap((i) => {
      const own = versions.filter((v) => v.instrument_id === i.id);
      const newest = own[own.length - 1];
      if (!newest) return [];
      return [
        {
          id: i.id,
          key: i.key,
          builtin: i.builtin === 1,
          active: i.active === 1,
          versionId: newest.id,
          version: newest.version,
          definition: parseDefinition(newest.definition),
          versions: own.map((v) => ({ id: v.id, version: v.version, note: v.note, createdAt: v.created_at, createdBy: v.created_by })),
        },
      ];
    })
    .sort((a, b) => Number(b.builtin) - Number(a.builtin) || collator.compare(a.definition.name, b.definition.name));
}

export async function loadInstrument(db: Kysely<Database>, instrumentId: number): Promise<Instrument> {
  const [instrument] = await loadInstruments(db, { ids: [instrumentId], includeInactive: true });
  if (!instrument) throw new AppFailure('not_found', 'Måleredskabet findes ikke.');
  return instrument;
}
