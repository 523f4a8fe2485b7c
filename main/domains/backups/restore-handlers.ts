import type { Restore } from '../../backups/restore';
import type { Backups } from '../../backups/service';
import { handlers } from '../../core/context';

/** Gendannelse from a backup; the restore writes its own access-log row into the restored database. */
export function restoreHandlers(deps: { restore: Restore; backups: Backups }) {
  const { restore, backups } = deps;
  return handlers({
    'restore:inspect': {
      audit: 'none', // the backup's manifest and institution name: no family data
      async run(_ctx, input) {
        return restore.inspect(input.path);
      },
    },
    'restore:candidates': {
      audit: 'none', // folder names and dates of backups on this workstation
      async run() {
        return backups.candidates().map((e) => ({ path: e.dir, createdAt: e.manifest?.createdAt ?? '', kind: e.manifest?.kind ?? '' }));
      },
    },
    'restore:unlock': {
      audit: 'none', // counts only; the restore itself is logged when applied
      async run(_ctx, input) {
        return restore.unlock(input.path, 'recoveryCode' in input ? { recoveryCode: input.recoveryCode } : { loginName: input.loginName, password: input.password });
      },
    },
    'restore:apply': {
      audit: 'self',
      async run() {
        return restore.apply();
      },
    },
    'restore:cancel': {
      audit: 'none', // closes a staged backup again
      async run() {
        return restore.cancel();
      },
    },
  });
}
