import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionContext } from '../../core/context';

/**
 * The institution's name: in this workstation's key file (shown on the login screen before anything is decrypted), or
 * on the institution's server in its settings (the workstation keeps the last one seen for the login screen).
 */
export interface InstitutionName {
  read(db: Kysely<Database>): Promise<string>;
  /** Inside the settings change's transaction; a key-file change follows the commit. */
  write(ctx: Pick<SessionContext, 'db' | 'onCommit'>, name: string): Promise<void>;
}

export function institutionNameIn(keyFile: { read(): string; write(name: string): void }, server: { remember(name: string): void }, onServer: () => boolean): InstitutionName {
  return {
    async read(db) {
      if (!onServer()) return keyFile.read();
      const row = await db.selectFrom('settings').select('value').where('key', '=', 'institutionName').executeTakeFirst();
      return row ? String(JSON.parse(row.value)) : '';
    },
    async write(ctx, name) {
      if (!onServer()) {
        ctx.onCommit(() => keyFile.write(name));
        return;
      }
      const value = JSON.stringify(name);
      await ctx.db.insertInto('settings').values({ key: 'institutionName', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
      ctx.onCommit(() => server.remember(name));
    },
  };
}
