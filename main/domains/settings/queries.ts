import type { Kysely } from 'kysely';
import type { Settings } from '../../../common/channels';
import { DEFAULT_SHIFT_TIMES, shiftTimesSchema } from '../../../common/shift-time';
import type { Database } from '../../../db/schema';

export type StoredSettings = Omit<Settings, 'institutionName'>;

/**
 * Defaults and why:
 * - idle lock 10 minutes: a shared staff-room PC is left alone often; short enough that a walk-away locks it.
 * - need-to-know off: night staff cover every family living at the institution, so all staff read all families
 *   (every read is in the access log); an institution that wants it switches it on (README, "Need-to-know").
 * - 5 wrong passwords in 15 minutes lock that login name for 15 minutes.
 * - access log kept 5 years (README, "Retention").
 * - closed families may be deleted 5 years after the stay ended (README, "Retention": the institution sets its own).
 * - shifts from 07.00, 15.00 and 23.00, as most døgntilbud run them.
 */
export const DEFAULT_SETTINGS: StoredSettings = {
  idleLockMinutes: 10,
  recoveryConfirmed: false,
  needToKnow: false,
  loginMaxFailures: 5,
  loginLockoutMinutes: 15,
  accessLogRetentionYears: 5,
  familyRetentionYears: 5,
  shiftTimes: DEFAULT_SHIFT_TIMES,
};

export async function readSettings(db: Kysely<Database>): Promise<StoredSettings> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const stored = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const pick = <K extends keyof StoredSettings>(key: K): StoredSettings[K] => {
    const value = stored.get(key);
    return typeof value === typeof DEFAULT_SETTINGS[key] ? (value as StoredSettings[K]) : DEFAULT_SETTINGS[key];
  };
  return {
    idleLockMinutes: pick('idleLockMinutes'),
    recoveryConfirmed: pick('recoveryConfirmed'),
    needToKnow: pick('needToKnow'),
    loginMaxFailures: pick('loginMaxFailures'),
    loginLockoutMinutes: pick('loginLockoutMinutes'),
    accessLogRetentionYears: pick('accessLogRetentionYears'),
    familyRetentionYears: pick('familyRetentionYears'),
    shiftTimes: shiftTimesSchema.safeParse(stored.get('shiftTimes')).data ?? DEFAULT_SHIFT_TIMES,
  };
}

export async function writeSetting<K extends keyof StoredSettings>(db: Kysely<Database>, key: K, value: StoredSettings[K]): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}
