import type { Kysely } from 'kysely';
import type { Settings } from '../../common/channels';
import type { Database } from '../../db/schema';
import { handlers } from '../registry';

export async function readSettings(db: Kysely<Database>): Promise<Omit<Settings, 'institutionName'>> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const map = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return {
    idleLockMinutes: typeof map.get('idleLockMinutes') === 'number' ? (map.get('idleLockMinutes') as number) : 10,
    recoveryConfirmed: map.get('recoveryConfirmed') === true,
  };
}

export const settingsHandlers = handlers({
  'settings:get': {
    audit: 'none', // institution settings, no family data
    async run({ core, db }) {
      return { institutionName: core.vault.requireKeyFile().institutionName, ...(await readSettings(db!)) };
    },
  },

  'settings:update': {
    audit: { action: 'change', detail: (input) => ({ what: 'indstillinger', idleLockMinutes: input.idleLockMinutes }) },
    write: true,
    async run({ core, db }, input) {
      await db!
        .insertInto('settings')
        .values({ key: 'idleLockMinutes', value: JSON.stringify(input.idleLockMinutes) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(input.idleLockMinutes) }))
        .execute();
      core.vault.setInstitutionName(input.institutionName);
      core.setIdleLockMinutes(input.idleLockMinutes);
      return { institutionName: input.institutionName, ...(await readSettings(db!)) };
    },
  },
});
