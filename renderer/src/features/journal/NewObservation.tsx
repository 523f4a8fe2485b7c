import { skipToken, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { shiftLabels, shifts, type Draft, type Observation, type Shift } from '../../../../common/journal';
import { DEFAULT_SHIFT_TIMES } from '../../../../common/shift-time';
import { ApiError, call, errorText, onEvent } from '../../app/api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { formatDateTime } from '../../ui/format';
import { ConcernRadios, SeriousConcern } from './ConcernField';
import { freshContent, fromDraft, timeAndShift } from './draftContent';
import { lastCategory, rememberCategory } from './lastCategory';
import { NoteText, tooLongMessage } from './NoteText';
import { TimeField, timeProblem } from './TimeField';
import { useObservationDraft } from './useObservationDraft';

/** The fields a problem can belong to, in the dialog's order (element ids keep the prefix `entry-` the tests use). */
type Issues = Partial<Record<'familyId' | 'observedAt' | 'categoryId' | 'text', string>>;
import { GoalLinkChoice } from './GoalLinkChoice';

/**
 * New observation (Ctrl+N): Familie, Tidspunkt (typed), Vagt (follows the time unless chosen by hand), Kategori (the
 * person's last one in this family to begin with), Notat right after it, then Bekymring and Personer. Saved as a private
 * draft while typing; Ctrl+Enter checks everything at once — every problem beside its field and in a summary — then
 * asks once and signs, after which the observation is locked.
 */
export function NewObservationDialog(props: { familyId: number | null; draft?: Draft; userId: number; onClose: () => void; onSigned: (observation: Observation, openUnderretning: boolean) => void }) {
  const { draft, userId } = props;
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings:get', {}), staleTime: 5 * 60_000 });
  const times = settings.data?.shiftTimes ?? DEFAULT_SHIFT_TIMES;
  const { content, update, draftId, savedAt, savedLocally, dirty, saveError, setSaveError, saveDraft, sign, discard } = useObservationDraft(
    () => (draft ? fromDraft(draft, times) : freshContent(props.familyId, lastCategory(userId, props.familyId))),
    draft,
    times,
  );
  const [confirming, setConfirming] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [issues, setIssues] = useState<Issues>({});
  const [attempt, setAttempt] = useState(0);
  const [underretning, setUnderretning] = useState<boolean | null>(null);
  const [categoryByHand, setCategoryByHand] = useState(Boolean(draft));
  const [goalIds, setGoalIds] = useState<number[]>([]);
  /** Signing waits for the server: the note is signed when the connection is back (or on »Prøv igen«). */
  const [waiting, setWaiting] = useState(false);

  const families = useQuery({ queryKey: ['families', false], queryFn: () => call('families:list', { includeClosed: false }) });
  const categories = useQuery({ queryKey: ['categories'], queryFn: () => call('journal:categories', {}), staleTime: Infinity });
  const chosenFamilyId = content.familyId;
  const family = useQuery({ queryKey: ['family', chosenFamilyId], queryFn: chosenFamilyId === null ? skipToken : () => call('families:get', { familyId: chosenFamilyId }) });
  const { at, shift } = timeAndShift(content, times);

  // A remembered category that has since been retired is not offered.
  useEffect(() => {
    if (categories.data && content.categoryId !== null && !categories.data.some((c) => c.id === content.categoryId)) update({ categoryId: null });
  }, [categories.data]);

  const change = (patch: Parameters<typeof update>[0], field?: keyof Issues) => {
    update(patch);
    if (field && issues[field]) setIssues(({ [field]: _gone, ...rest }) => rest);
  };

  /** Closes only when the text is safe: a text that could not be saved keeps the dialog open with the message. */
  async function close() {
    if (await saveDraft()) props.onClose();
    else document.getElementById('entry-text')?.focus();
  }

  function requestSign() {
    const problems: Issues = {};
    if (!content.familyId) problems.familyId = 'Vælg familien.';
    const time = timeProblem(at);
    if (time) problems.observedAt = time;
    if (!content.categoryId) problems.categoryId = 'Vælg en kategori.';
    const tooLong = tooLongMessage(content.text, savedAt);
    if (!content.text.trim()) problems.text = 'Skriv notatet.';
    else if (tooLong) problems.text = tooLong;
    setIssues(problems);
    if (Object.keys(problems).length) setAttempt((n) => n + 1);
    else setConfirming(true);
  }

  // One signing at a time: the connection coming back and »Prøv igen« at the same moment must not report the note
  // signed twice (the server would answer both with the same note, and onSigned would run twice).
  const signingNow = useRef(false);
  async function signNow() {
    if (signingNow.current) return;
    signingNow.current = true;
    try {
      const observation = await sign(goalIds);
      setWaiting(false);
      rememberCategory(userId, observation.familyId, content.categoryId);
      props.onSigned(observation, content.concern === 'serious' && underretning === true);
    } catch (err) {
      setConfirming(false);
      if (err instanceof ApiError && err.code === 'server_unavailable') {
        setWaiting(true);
        setSaveError(null);
        // The last keystrokes before »Underskriv« may not have been saved yet (a server draft is signed without
        // saving it first): they are kept on this computer now, as the notice says.
        void saveDraft();
        return;
      }
      setWaiting(false);
      if (err instanceof ApiError && err.error.issues?.length) {
        setIssues(Object.fromEntries(err.error.issues.map((i) => [i.path, i.message])));
        setAttempt((n) => n + 1);
      } else setSaveError(errorText(err));
    } finally {
      signingNow.current = false;
    }
  }

  // Back online: the note waiting to be signed is signed (the server answers a repeat with the note already signed).
  useEffect(() => {
    if (!waiting) return;
    return onEvent('server:connection', ({ online }) => {
      if (online) void signNow();
    });
  }, [waiting, goalIds, underretning]);

  const problems = (Object.entries(issues) as Array<[keyof Issues, string]>).map(([field, message]) => ({ field: `#entry-${field}`, message }));
  const persons = content.familyId && family.data ? family.data.persons : [];
  // The server away before the list of families came: the chosen family (known from its own screen) is still shown.
  const familyChoices = families.data ?? (family.data ? [{ id: family.data.id, displayName: family.data.displayName }] : []);
  return (
    <>
      <Dialog
        title={draft ? 'Kladde til notat' : 'Nyt notat'}
        wide
        initialFocusId={content.familyId === null ? 'entry-familyId' : draft ? 'entry-text' : 'entry-categoryId'}
        onClose={() => (confirming ? setConfirming(false) : void close())}
      >
        {waiting && (
          <div className="notice warn" role="status" data-testid="sign-waiting">
            <strong>Venter på serveren.</strong> Ingen forbindelse til serveren, så notatet er ikke underskrevet endnu. Det, du har skrevet, er gemt som kladde på denne
            computer. Lad vinduet stå åbent, så underskrives notatet, så snart forbindelsen er tilbage. Lukker du det, ligger notatet som kladde, til du underskriver det.{' '}
            <button type="button" className="link" onClick={() => void signNow()}>
              Prøv igen
            </button>
          </div>
        )}
        {saveError && (
          <div className="notice error" role="alert">
            {saveError}
          </div>
        )}
        {confirming ? (
          <div>
            <p>
              <strong>Underskriv notatet?</strong> Et underskrevet notat kan ikke ændres eller slettes. Fejl rettes bagefter med en rettelse, der vises under
              notatet.
            </p>
            <div className="actions">
              <button type="button" onClick={() => void signNow()} autoFocus>
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
            <ErrorSummary problems={problems} attempt={attempt} />
            <div className="entry-when">
              <div className="field">
                <label htmlFor="entry-familyId">Familie</label>
                <select
                  id="entry-familyId"
                  value={content.familyId ?? ''}
                  onChange={(e) => {
                    const familyId = e.target.value ? Number(e.target.value) : null;
                    change({ familyId, personIds: [], ...(categoryByHand ? {} : { categoryId: lastCategory(userId, familyId) }) }, 'familyId');
                  }}
                  aria-invalid={issues.familyId ? true : undefined}
                  aria-describedby={issues.familyId ? 'entry-familyId-error' : undefined}
                >
                  <option value="">Vælg familie …</option>
                  {familyChoices.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.displayName}
                    </option>
                  ))}
                </select>
                {issues.familyId && (
                  <span className="error" id="entry-familyId-error">
                    {issues.familyId}
                  </span>
                )}
              </div>
              <TimeField value={content.timeText} at={at} onChange={(timeText) => change({ timeText }, 'observedAt')} forced={issues.observedAt} />
              <div className="field">
                <label htmlFor="entry-shift">Vagt</label>
                <select id="entry-shift" value={shift} onChange={(e) => change({ shiftByHand: e.target.value as Shift })} aria-describedby="entry-shift-hint">
                  {shifts.map((s) => (
                    <option key={s} value={s}>
                      {shiftLabels[s]}
                    </option>
                  ))}
                </select>
                <span className="hint" id="entry-shift-hint">
                  {content.shiftByHand ? 'Valgt i hånden.' : 'Følger tidspunktet.'}
                </span>
              </div>
            </div>
            <div className="field category-field">
              <label htmlFor="entry-categoryId">Kategori</label>
              <select
                id="entry-categoryId"
                value={content.categoryId ?? ''}
                onChange={(e) => {
                  setCategoryByHand(true);
                  change({ categoryId: e.target.value ? Number(e.target.value) : null }, 'categoryId');
                }}
                aria-invalid={issues.categoryId ? true : undefined}
                aria-describedby={issues.categoryId ? 'entry-categoryId-error' : undefined}
              >
                <option value="">Vælg kategori …</option>
                {(categories.data ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
              {issues.categoryId && (
                <span className="error" id="entry-categoryId-error">
                  {issues.categoryId}
                </span>
              )}
            </div>
            <NoteText value={content.text} onChange={(text) => change({ text }, 'text')} error={issues.text} savedAt={savedAt} />
            <div className="row">
              <ConcernRadios value={content.concern} onChange={(concern) => change({ concern })} />
              {persons.length > 0 && (
                <fieldset className="field inline-group">
                  <legend>Personer</legend>
                  <div className="checks">
                    {persons.map((p) => (
                      <label key={p.id}>
                        <input
                          type="checkbox"
                          checked={content.personIds.includes(p.id)}
                          onChange={(e) => change({ personIds: e.target.checked ? [...content.personIds, p.id] : content.personIds.filter((id) => id !== p.id) })}
                        />
                        {p.name}
                      </label>
                    ))}
                  </div>
                </fieldset>
              )}
            </div>
            {content.concern === 'serious' && <SeriousConcern underretning={underretning} onUnderretning={setUnderretning} />}
            <div className="actions">
              <button type="submit">Underskriv …</button>
              <button type="button" className="secondary" onClick={() => void close()}>
                Luk (gem kladde)
              </button>
              {draftId !== undefined && (
                <button
                  type="button"
                  className="link"
                  onClick={() => setDiscarding(true)}
                >
                  Kassér kladde
                </button>
              )}
              <span className="spacer" style={{ flex: 1 }} />
              <span className="saved-state" aria-live="polite">
                {dirty
                  ? 'Ikke gemt endnu …'
                  : savedAt
                    ? `Kladde gemt${savedLocally ? ' på denne computer' : ''} ${formatDateTime(savedAt).split(' ')[1]}`
                    : ''}
              </span>
            </div>
            <p className="muted small">
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd> underskriver · <kbd>Esc</kbd> lukker og gemmer kladden · Kladder kan kun ses af dig.
            </p>
          </form>
        )}
      </Dialog>
      {/* Beside the note's dialog, not inside it: Esc then closes only the question. */}
      {discarding && (
        <ConfirmDialog
          title="Kassér kladden?"
          confirmLabel="Kassér kladde"
          danger
          onConfirm={() => void discard().then(props.onClose)}
          onClose={() => setDiscarding(false)}
        >
          <p>Kladden slettes, og det, du har skrevet, kan ikke hentes frem igen.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
