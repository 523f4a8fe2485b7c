import type { Kysely } from 'kysely';
import { applyAccessLogRetention as deleteOlderRows } from '../../../db/access-log';
import type { Database } from '../../../db/schema';
import { readSettings } from '../settings/queries';

const LAST_RUN = 'accessLogRetentionRunAt';

/**
 * Deletes access-log rows older than the institution's retention period (default 5 years), at most once a day, at a
 * login (the key exists only then). The chain's start moves with it, so what remains still verifies.
 */
export async function applyAccessLogRetention(db: Kysely<Database>, now: Date): Promise<number> {
  const last = await db.selectFrom('settings').select('value').where('key', '=', LAST_RUN).executeTakeFirst();
  if (last && now.getTime() - Date.parse(JSON.parse(last.value) as string) < 86_400_000) return 0;
  const { accessLogRetentionYears } = await readSettings(db);
  const before = new Date(now);
  before.setFullYear(before.getFullYear() - accessLogRetentionYears);
  return db.transaction().execute(async (trx) => {
    const { deleted } = await deleteOlderRows(trx, { before: before.toISOString() });
    const value = JSON.stringify(now.toISOString());
    await trx.insertInto('settings').values({ key: LAST_RUN, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    return deleted;
  });
}
