import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorMessages } from '../../../../common/errors';
import { textTooLong, type Draft, type Observation } from '../../../../common/journal';
import type { ShiftTimes } from '../../../../common/shift-time';
import { ApiError, call, errorText, onBeforeLock } from '../../app/api';
import { toInput, type Content } from './draftContent';

/**
 * The new observation's content, saved as a private draft shortly after typing stops, when the window closes and
 * before the screen locks, so nothing typed is lost. A text too long to be stored is not sent at all: it stays in the
 * field with a message, and the draft saved before it stays as it was.
 */
export function useObservationDraft(initial: () => Content, draft: Draft | undefined, times: ShiftTimes) {
  const queryClient = useQueryClient();
  const [content, setContent] = useState<Content>(initial);
  const [draftId, setDraftId] = useState<number | undefined>(draft?.id);
  const [savedAt, setSavedAt] = useState<string | null>(draft?.updatedAt ?? null);
  const [dirty, setDirty] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  /** The last save went to this computer's own draft store (the server was away); it is sent when the server is back. */
  const [savedLocally, setSavedLocally] = useState(false);
  const saving = useRef<Promise<unknown> | null>(null);
  const latest = useRef(content);
  latest.current = content;
  const idRef = useRef(draftId);
  idRef.current = draftId;
  const timesRef = useRef(times);
  timesRef.current = times;
  // Set while the note is being signed, and for good once it is: an autosave then would store the signed text again
  // as a new draft (a note signed before its first autosave has no draft id for the save to refuse).
  const signing = useRef(false);

  /** Saves the draft; true when what is on screen now is saved. */
  async function saveDraft(): Promise<boolean> {
    if (saving.current) await saving.current.catch(() => undefined);
    if (signing.current) return true;
    const c = latest.current;
    if (!c.text.trim() && idRef.current === undefined) {
      // Nothing worth keeping yet (a time or a category alone): nothing waits to be saved either.
      if (latest.current === c) setDirty(false);
      return true;
    }
    if (textTooLong(c.text)) return false; // the backend would refuse it: the text stays on screen, the last draft stays saved
    const run = call('journal:saveDraft', { ...toInput(c, timesRef.current), draftId: idRef.current });
    saving.current = run;
    try {
      const saved = await run;
      idRef.current = saved.id;
      setDraftId(saved.id);
      setSavedAt(saved.updatedAt);
      setSavedLocally(saved.savedLocally === true);
      setSaveError(null);
      // Typing during the save leaves the newer text marked unsaved, so the next autosave still runs.
      if (latest.current === c) setDirty(false);
      void queryClient.invalidateQueries({ queryKey: ['drafts'] });
      return true;
    } catch (err) {
      setSaveError(`Kladden kunne ikke gemmes: ${(err instanceof ApiError && err.error.issues?.[0]?.message) || errorText(err)}`);
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
    setSaveError(null);
  };

  /** Signs what is on screen (the draft becomes the observation); throws the backend's refusal. */
  /** Signs what is on screen (linked to the family's goals in `goalIds`, in the same transaction). */
  async function sign(goalIds: number[] = []): Promise<Observation> {
    signing.current = true;
    if (saving.current) await saving.current.catch(() => undefined);
    let observation: Observation;
    try {
      const input = { ...toInput(latest.current, timesRef.current), draftId: await serverDraftId() };
      observation = goalIds.length ? (await call('goals:signObservation', { ...input, goalIds })).observation : await call('journal:sign', input);
    } catch (err) {
      signing.current = false;
      throw err;
    }
    for (const key of [['timeline'], ['family', observation.familyId], ['front'], ['drafts'], ['goals', observation.familyId]]) void queryClient.invalidateQueries({ queryKey: key });
    return observation;
  }

  /**
   * A note is signed from its draft on the server: the draft's id is what makes signing again after a lost answer
   * safe (the server answers with the note already signed, never a second one). A draft kept only on this computer
   * (a negative id) is sent first; while the server is away that fails, and nothing is signed.
   */
  async function serverDraftId(): Promise<number> {
    const id = idRef.current;
    if (id !== undefined && id > 0) return id;
    const saved = await call('journal:saveDraft', { ...toInput(latest.current, timesRef.current), draftId: id });
    idRef.current = saved.id;
    setDraftId(saved.id);
    setSavedAt(saved.updatedAt);
    setSavedLocally(saved.savedLocally === true);
    if (saved.id < 0) throw new ApiError({ code: 'server_unavailable', message: errorMessages.server_unavailable });
    return saved.id;
  }

  async function discard(): Promise<void> {
    if (idRef.current !== undefined) await call('journal:discardDraft', { draftId: idRef.current }).catch(() => undefined);
    void queryClient.invalidateQueries({ queryKey: ['drafts'] });
    void queryClient.invalidateQueries({ queryKey: ['front'] });
  }

  return { content, update, draftId, savedAt, savedLocally, dirty, saveError, setSaveError, saveDraft, sign, discard };
}
