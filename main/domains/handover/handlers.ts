import { dueByFamily } from '../progression/due';
import { sql } from 'kysely';
import { previousShiftStart, shiftOf } from '../../../common/shift-time';
import { todayIso } from '../../../common/dates';
import { handlers } from '../../core/context';
import { teamFamilyIds } from '../../core/family-access';
import { plannedTodayByFamily } from '../discharge/status';
import { pendingConcernIds } from '../journal/queries';
import { readSettings } from '../settings/queries';

const EXCERPT = 280;

/** First lines of a note, cut at a word. */
function excerptOf(text: string): string {
  const firstLines = text.split('\n').slice(0, 3).join(' ').trim();
  if (firstLines.length <= EXCERPT) return firstLines;
  const cut = firstLines.slice(0, EXCERPT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT - 40))} …`;
}

/**
 * Vagtoverlevering: what happened since the start of the previous shift block (the institution's shift times), or
 * since a chosen time, in every family living at the institution that the user may see; the user's own families
 * first. Notes written at another desk are there too once several workstations share one server.
 */
export const handoverHandlers = handlers({
  'handover:get': {
    audit: { action: 'read', subject: 'vagtoverlevering' },
    async run({ db, user, now, families }, input) {
      const { shiftTimes } = await readSettings(db);
      const since = input.since ? new Date(input.since) : previousShiftStart(now, shiftTimes);
      const scope = await families.scope();
      let living = db.selectFrom('families').select(['id', 'display_name']).where('end_date', 'is', null);
      if (scope) living = living.where('id', 'in', scope.length ? scope : [0]);
      const rows = await living.execute();
      const ids = rows.map((r) => r.id);
      const notes = ids.length
        ? await db
            .selectFrom('observations as o')
            .innerJoin('users as u', 'u.id', 'o.author_id')
            .leftJoin('observation_categories as c', 'c.id', 'o.category_id')
            .select((eb) => [
              'o.id',
              'o.family_id',
              'o.observed_at',
              'o.shift',
              'o.concern',
              'o.text',
              'c.label as category',
              'u.name as author',
              eb.exists(eb.selectFrom('observation_amendments as m').select(sql`1`.as('x')).whereRef('m.observation_id', '=', 'o.id')).as('amended'),
            ])
            .where('o.status', '=', 'signed')
            .where('o.family_id', 'in', ids)
            // A note signed since then counts even when it is about something earlier (written up late).
            .where((eb) => eb.or([eb('o.observed_at', '>=', since.toISOString()), eb('o.signed_at', '>=', since.toISOString())]))
            .orderBy('o.observed_at', 'desc')
            .execute()
        : [];
      const pending = new Map<number, number>();
      if (ids.length) {
        const pendingIds = await pendingConcernIds(db, ids);
        const pendingFamilies = pendingIds.length ? await db.selectFrom('observations').select('family_id').where('id', 'in', pendingIds).execute() : [];
        for (const p of pendingFamilies) if (p.family_id !== null) pending.set(p.family_id, (pending.get(p.family_id) ?? 0) + 1);
      }
      const planned = await plannedTodayByFamily(db, ids, todayIso(now));
      const due = await dueByFamily(db, ids, todayIso(now));
      const mine = new Set(await teamFamilyIds(db, user.id));
      const collator = new Intl.Collator('da');
      const result = rows
        .map((f) => ({
          familyId: f.id,
          displayName: f.display_name,
          onMyTeam: mine.has(f.id),
          observations: notes
            .filter((n) => n.family_id === f.id)
            .map((n) => ({
              id: n.id,
              observedAt: n.observed_at,
              shift: n.shift,
              category: n.category,
              concern: n.concern,
              author: n.author,
              excerpt: excerptOf(n.text),
              amended: Boolean(n.amended),
            })),
          pendingConcerns: pending.get(f.id) ?? 0,
          // Measurements due on the child's schedule and goal reviews due (overdue first).
          due: due.get(f.id) ?? [],
          // Udslusningsplan steps planned for today, and overdue ones (overdue: true).
          plannedToday: planned.get(f.id) ?? [],
        }))
        .sort((a, b) => Number(b.onMyTeam) - Number(a.onMyTeam) || collator.compare(a.displayName, b.displayName));
      families.shown(result.map((f) => f.familyId));
      return {
        since: since.toISOString(),
        sinceShift: input.since ? null : shiftOf(since, shiftTimes),
        until: now.toISOString(),
        families: result,
      };
    },
  },
});
