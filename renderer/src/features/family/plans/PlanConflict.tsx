import { useEffect, useRef, type ReactNode } from 'react';
import { PLAN_CHANGED_MESSAGE } from '../../../../../common/plan-keys';
import type { VersionMeta } from '../../../../../common/safety-plan';
import { ApiError } from '../../../app/api';
import { formatDateTime, genitive } from '../../../ui/format';

/** What a plan editor keeps when its save met a newer version: that version (theirs); the form holds the user's own. */
export interface PlanConflictState {
  theirs: VersionMeta;
}

/** The save met another's newer version of the plan (the backend's conflict with PLAN_CHANGED_MESSAGE). */
export function planChanged(err: unknown): boolean {
  return err instanceof ApiError && err.message === PLAN_CHANGED_MESSAGE;
}

/** The newest version's facts from a plan's `get` answer (null: it could not be fetched). */
export function newestVersion(plan: { versions: VersionMeta[]; currentVersion: number | null } | null): VersionMeta | undefined {
  return plan?.versions.find((m) => m.version === plan.currentVersion);
}

/**
 * Two people changed the same plan: the other's version is shown (what it changed from the version this form began
 * from, with the existing comparison, embedded: no way back of its own), the user's own text stays in the form below,
 * and nothing is lost — the user can save their version on top of the other's as the next version (both stay in the
 * plan's history). The panel takes the focus when it appears: the save button that met the conflict is at the foot of
 * a long form, and the panel at its head.
 */
export function PlanConflict({ conflict, base, compare, onSaveOnTop, saving }: { conflict: PlanConflictState; base: number | null; compare: ReactNode; onSaveOnTop: () => void; saving: boolean }) {
  const { theirs } = conflict;
  const panel = useRef<HTMLElement | null>(null);
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'start' });
    panel.current?.focus({ preventScroll: true });
  }, [theirs.version]);
  return (
    <section className="notice warn plan-conflict" data-testid="plan-conflict" aria-labelledby="plan-conflict-title" tabIndex={-1} ref={panel}>
      <h3 id="plan-conflict-title" style={{ marginTop: 0 }}>
        Planen er ændret af en anden, mens du skrev
      </h3>
      <p role="alert">
        {theirs.author.name} gemte udgave {theirs.version} den {formatDateTime(theirs.createdAt)}
        {theirs.reason ? ` (»${theirs.reason}«)` : ''}. Din udgave er ikke gemt endnu, men den står stadig i formularen nedenfor.
      </p>
      {base !== null ? (
        <>
          <p>
            Her er, hvad {theirs.author.name} ændrede i forhold til udgave {base}, som du begyndte fra:
          </p>
          <div className="plan-conflict-compare">{compare}</div>
        </>
      ) : (
        <p>Planen fandtes ikke, da du begyndte. {genitive(theirs.author.name)} udgave kan læses under planens udgaver.</p>
      )}
      <p>
        Tjek, at din udgave tager højde for ændringerne. Gemmer du, bliver din udgave den nyeste; {genitive(theirs.author.name)} udgave kan stadig læses i historikken.
      </p>
      <div className="actions">
        <button type="button" onClick={onSaveOnTop} disabled={saving}>
          Gem min udgave som udgave {theirs.version + 1}
        </button>
      </div>
    </section>
  );
}
