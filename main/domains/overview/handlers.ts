import type { Backups } from '../../backups/service';
import { handlers } from '../../core/context';
import { familySummaries } from '../families/queries';
import { loadDrafts } from '../journal/drafts';
import { pendingConcernIds } from '../journal/queries';

/** The front page. */
export function overviewHandlers(deps: { backups: Backups; onServer: () => boolean }) {
  return handlers({
    'overview:front': {
      audit: { action: 'read', subject: 'forside' },
      async run({ db, user, families }) {
        const leader = user.role === 'leader' || user.role === 'admin';
        const rows = await familySummaries(db, { familyIds: await families.scope() });
        families.shown(rows.map((f) => f.id));
        const drafts = await loadDrafts(db, user.id);
        families.shown(drafts.flatMap((d) => (d.familyId ? [d.familyId] : [])));
        return {
          families: rows,
          pendingConcerns: leader ? (await pendingConcernIds(db, await families.scope())).length : null,
          myDrafts: drafts,
          // On the institution's server IT backs up the server; this workstation's backups are not the point.
          backupWarning: leader && !deps.onServer() ? await deps.backups.warning(db) : null,
        };
      },
    },
  });
}
