import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { concernLabels, concerns, shiftLabels, shifts, type Draft, type Shift } from '../../../../common/journal';
import { ApiError, call, errorText, onBeforeLock } from '../../app/api';
import { Dialog } from '../../ui/Dialog';
import { Notice } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { freshContent, fromDraft, toInput, type Content } from './draftContent';
import { GoalLinkChoice } from './GoalLinkChoice';

/**
 * New observation (Ctrl+N). Saved as a private draft while typing, so closing the window or the idle lock loses
 * nothing; Ctrl+Enter asks once and signs, after which the observation is locked.
 * The form's element ids keep the prefix `entry-`: the browser tests select them (tests/e2e/daily-log.spec.ts).
 */
export function NewObservationDialog({ familyId, draft, onClose, onSigned }: { familyId: number | null; draft?: Draft; onClose: () => void; onSigned: (familyId: number) => void }) {
  const queryClient = useQueryClient();
  const [content, setContent] = useState<Content>(() => (draft ? fromDraft(draft) : freshContent(familyId)));
  const [draftId, setDraftId] = useState<number | undefined>(draft?.id);
  const [savedAt, setSavedAt] = useState<string | null>(draft?.updatedAt ?? null);
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [goalIds, setGoalIds] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const saving = useRef<Promise<unknown> | null>(null);
  const latest = useRef(content);
  latest.current = content;
  const idRef = useRef(draftId);
  idRef.current = draftId;

  const families = useQuery({ queryKey: ['families', false], queryFn: () => call('families:list', { includeClosed: false }) });
  const categories = useQuery({ queryKey: ['categories'], queryFn: () => call('journal:categories', {}), staleTime: Infinity });
  const family = useQuery({ queryKey: ['family', content.familyId], queryFn: () => call('families:get', { familyId: content.familyId! }), enabled: content.familyId !== null });

  /** Saves the draft; true when what is on screen now is saved. */
  async function saveDraft(): Promise<boolean> {
    if (saving.current) await saving.current.catch(() => undefined);
    const c = latest.current;
    if (!c.text.trim() && idRef.current === undefined) return true; // nothing worth keeping yet
    const run = call('journal:saveDraft', { ...toInput(c), draftId: idRef.current });
    saving.current = run;
    try {
      const saved = await run;
      idRef.current = saved.id;
      setDraftId(saved.id);
      setSavedAt(saved.updatedAt);
      // Typing during the save leaves the newer text marked unsaved, so the next autosave still runs.
      if (latest.current === c) setDirty(false);
      void queryClient.invalidateQueries({ queryKey: ['drafts'] });
      return true;
    } catch (err) {
      setError(`Kladden kunne ikke gemmes: ${errorText(err)}`);
      return false;
    } finally {
      saving.current = null;
    }
  }

  // Autosave shortly after typing stops.
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => void saveDraft(), 700);
    return () => clearTimeout(timer);
  }, [content, dirty]);

  // Closing the window or locking mid-sentence: the last keystrokes are saved too.
  useEffect(() => {
    const beforeUnload = () => void saveDraft();
    window.addEventListener('beforeunload', beforeUnload);
    const off = onBeforeLock(async () => {
      await saveDraft();
    });
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      off();
    };
  }, []);

  const update = (patch: Partial<Content>) => {
    setContent((c) => ({ ...c, ...patch }));
    setDirty(true);
    setError(null);
  };

  /** Closes only when the text is safe: a failed save keeps the dialog open with the message. */
  async function close() {
    if (await saveDraft()) onClose();
  }

  function requestSign() {
    const problems: Record<string, string> = {};
    if (!content.familyId) problems.familyId = 'Vælg familien.';
    if (!content.categoryId) problems.categoryId = 'Vælg en kategori.';
    if (!content.text.trim()) problems.text = 'Skriv notatet.';
    if (Number.isNaN(new Date(content.observedAt).getTime())) problems.observedAt = 'Angiv dato og klokkeslæt.';
    setIssues(problems);
    if (Object.keys(problems).length) {
      document.getElementById(`entry-${Object.keys(problems)[0]}`)?.focus();
      return;
    }
    setConfirming(true);
  }

  async function sign() {
    try {
      if (saving.current) await saving.current.catch(() => undefined);
      const input = { ...toInput(latest.current), draftId: idRef.current };
      const observation = goalIds.length ? (await call('goals:signObservation', { ...input, goalIds })).observation : await call('journal:sign', input);
      if (goalIds.length) void queryClient.invalidateQueries({ queryKey: ['goals', observation.familyId] });
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['family', observation.familyId] });
      void queryClient.invalidateQueries({ queryKey: ['front'] });
      void queryClient.invalidateQueries({ queryKey: ['drafts'] });
      onSigned(observation.familyId);
    } catch (err) {
      setConfirming(false);
      if (err instanceof ApiError && err.error.issues?.length) setIssues(Object.fromEntries(err.error.issues.map((i) => [i.path, i.message])));
      else setError(errorText(err));
    }
  }

  async function discard() {
    if (idRef.current !== undefined) await call('journal:discardDraft', { draftId: idRef.current }).catch(() => undefined);
    void queryClient.invalidateQueries({ queryKey: ['drafts'] });
    void queryClient.invalidateQueries({ queryKey: ['front'] });
    onClose();
  }

  const persons = content.familyId && family.data ? family.data.persons : [];
  return (
    <Dialog
      title={draft ? 'Kladde til notat' : 'Nyt notat'}
      wide
      initialFocusId={content.familyId === null ? 'entry-familyId' : draft ? 'entry-text' : 'entry-categoryId'}
      onClose={() => (confirming ? setConfirming(false) : void close())}
    >
      {error && <Notice kind="error">{error}</Notice>}
      {confirming ? (
        <div>
          <p>
            <strong>Underskriv notatet?</strong> Et underskrevet notat kan ikke ændres eller slettes. Fejl rettes bagefter med en rettelse, der vises under
            notatet.
          </p>
          <div className="actions">
            <button type="button" onClick={() => void sign()} autoFocus>
              Underskriv
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Tilbage
            </button>
          </div>
          <GoalLinkChoice familyId={content.familyId} selected={goalIds} onChange={setGoalIds} />
        </div>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            requestSign();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              requestSign();
            }
          }}
        >
          <div className="row">
            <div className="field">
              <label htmlFor="entry-familyId">Familie</label>
              <select
                id="entry-familyId"
                value={content.familyId ?? ''}
                onChange={(e) => update({ familyId: e.target.value ? Number(e.target.value) : null, personIds: [] })}
                aria-invalid={issues.familyId ? true : undefined}
              >
                <option value="">Vælg familie …</option>
                {(families.data ?? []).map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.displayName}
                  </option>
                ))}
              </select>
              {issues.familyId && <span className="error">{issues.familyId}</span>}
            </div>
            <div className="field">
              <label htmlFor="entry-observedAt">Tidspunkt</label>
              <input id="entry-observedAt" type="datetime-local" value={content.observedAt} onChange={(e) => update({ observedAt: e.target.value })} aria-invalid={issues.observedAt ? true : undefined} />
              {issues.observedAt && <span className="error">{issues.observedAt}</span>}
            </div>
            <div className="field">
              <label htmlFor="entry-shift">Vagt</label>
              <select id="entry-shift" value={content.shift} onChange={(e) => update({ shift: e.target.value as Shift })}>
                {shifts.map((s) => (
                  <option key={s} value={s}>
                    {shiftLabels[s]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor="entry-categoryId">Kategori</label>
              <select
                id="entry-categoryId"
                value={content.categoryId ?? ''}
                onChange={(e) => update({ categoryId: e.target.value ? Number(e.target.value) : null })}
                aria-invalid={issues.categoryId ? true : undefined}
              >
                <option value="">Vælg kategori …</option>
                {(categories.data ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
              {issues.categoryId && <span className="error">{issues.categoryId}</span>}
            </div>
            <fieldset className="field" style={{ border: 'none', padding: 0, margin: 0 }}>
              <legend style={{ fontWeight: 600, marginBottom: '.25rem' }}>Bekymring</legend>
              <div className="radio-row">
                {concerns.map((c) => (
                  <label key={c}>
                    <input type="radio" name="concern" value={c} checked={content.concern === c} onChange={() => update({ concern: c })} />
                    {concernLabels[c]}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
          {persons.length > 0 && (
            <fieldset className="field" style={{ border: 'none', padding: 0 }}>
              <legend style={{ fontWeight: 600, marginBottom: '.25rem' }}>Personer</legend>
              <div className="checks">
                {persons.map((p) => (
                  <label key={p.id}>
                    <input
                      type="checkbox"
                      checked={content.personIds.includes(p.id)}
                      onChange={(e) => update({ personIds: e.target.checked ? [...content.personIds, p.id] : content.personIds.filter((id) => id !== p.id) })}
                    />
                    {p.name}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <div className="field">
            <label htmlFor="entry-text">Notat</label>
            <textarea id="entry-text" rows={8} value={content.text} onChange={(e) => update({ text: e.target.value })} aria-invalid={issues.text ? true : undefined} />
            {issues.text && <span className="error">{issues.text}</span>}
          </div>
          <div className="actions">
            <button type="submit">Underskriv …</button>
            <button type="button" className="secondary" onClick={() => void close()}>
              Luk (gem kladde)
            </button>
            {draftId !== undefined && (
              <button type="button" className="link" onClick={() => void discard()}>
                Kassér kladde
              </button>
            )}
            <span className="spacer" style={{ flex: 1 }} />
            <span className="saved-state" aria-live="polite">
              {dirty ? 'Ikke gemt endnu …' : savedAt ? `Kladde gemt ${formatDateTime(savedAt).split(' ')[1]}` : ''}
            </span>
          </div>
          <p className="muted small">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> underskriver · <kbd>Esc</kbd> lukker og gemmer kladden · Kladder kan kun ses af dig.
          </p>
        </form>
      )}
    </Dialog>
  );
}
