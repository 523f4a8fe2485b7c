import path from 'node:path';
import { AppFailure } from '../../../common/errors';
import { BackupFolderError, folderProblem, toView, type Backups } from '../../backups/service';
import { listBackups, verifyBackup } from '../../backups/store';
import { handlers } from '../../core/context';
import type { SessionState } from '../../core/session';
import { requireLocal } from '../../core/store';

const SERVER_BACKUP_CHECK =
  'En sikkerhedskopi af institutionens server kontrolleres, når den tages (antal rækker og adgangsloggens kæde), og igen med sikkerhedskopikoden, når IT gendanner den.';

/** The administrator's backups: status and list, a backup now, re-checking one, choosing the folder. */
export function backupHandlers(deps: { backups: Backups; session: SessionState }) {
  const { backups, session } = deps;
  // This workstation's own encrypted file, or on the institution's server a copy of the server's database.
  const unlocked = () => requireLocal(session);
  return handlers({
    'backups:status': {
      audit: 'none', // file names, dates and sizes; no family data
      async run({ db }) {
        return backups.status(db);
      },
    },

    'backups:create': {
      audit: { action: 'export', subject: 'sikkerhedskopi taget', detail: (_i, out) => ({ id: out.id, bytes: out.bytes }) },
      async run({ db, user }) {
        try {
          if (session.store()?.engine === 'postgres') {
            const made = await backups.createOnServer(db, user.name);
            return { ...toView(made.entry), backupCode: made.newCode };
          }
          return { ...toView(await backups.create(unlocked(), 'manual')), backupCode: null };
        } catch (err) {
          if (err instanceof BackupFolderError) throw new AppFailure('conflict', err.message);
          throw err;
        }
      },
    },

    'backups:verify': {
      audit: { action: 'verify', subject: 'sikkerhedskopi kontrolleret', detail: (input, out) => ({ id: input.id, status: out.status }) },
      async run({ db }, input) {
        const entry = listBackups(await backups.folder(db)).find((e) => e.id === input.id);
        if (!entry) throw new AppFailure('not_found', 'Sikkerhedskopien findes ikke.');
        if (session.store()?.engine === 'postgres' || entry.manifest?.origin === 'server') throw new AppFailure('conflict', SERVER_BACKUP_CHECK);
        verifyBackup(entry, unlocked().key);
        const checked = listBackups(path.dirname(entry.dir)).find((e) => e.id === input.id);
        if (!checked) throw new AppFailure('not_found', 'Sikkerhedskopien findes ikke.');
        return toView(checked);
      },
    },

    'backups:setFolder': {
      audit: { action: 'change', subject: 'mappe til sikkerhedskopier', detail: (input) => ({ folder: input.folder }) },
      write: true,
      async run({ db }, input) {
        if (!path.isAbsolute(input.folder)) {
          const message = 'Angiv hele stien til mappen, fx E:\\Sikkerhedskopier.';
          throw new AppFailure('invalid_input', message, [{ path: 'folder', message }]);
        }
        const problem = folderProblem(input.folder);
        if (problem) throw new AppFailure('invalid_input', problem, [{ path: 'folder', message: problem }]);
        await backups.setFolder(db, input.folder);
        return backups.status(db);
      },
    },
  });
}
