import { format } from 'date-fns';
import type { Concern, Draft, Shift } from '../../../../common/journal';
import { DEFAULT_SHIFT_TIMES, parseTypedTime, shiftOf, type ShiftTimes } from '../../../../common/shift-time';

/** What the new-observation form holds; the same content is saved as a draft and signed. */
export interface Content {
  familyId: number | null;
  /** The time as typed: "18", "i går 22.40", "24.11 18.00" (common/shift-time.ts parseTypedTime). */
  timeText: string;
  /** The shift chosen by hand; null: it follows the time (the institution's shift times). */
  shiftByHand: Shift | null;
  categoryId: number | null;
  personIds: number[];
  text: string;
  concern: Concern;
}

/** 24.11.2026 18.00: how a time is shown in the field, and read back by parseTypedTime. */
export const timeFieldText = (d: Date) => format(d, 'dd.MM.yyyy HH.mm');

export function freshContent(familyId: number | null, categoryId: number | null = null): Content {
  return { familyId, timeText: timeFieldText(new Date()), shiftByHand: null, categoryId, personIds: [], text: '', concern: 'none' };
}

export function fromDraft(d: Draft, times: ShiftTimes = DEFAULT_SHIFT_TIMES): Content {
  const at = new Date(d.observedAt);
  return {
    familyId: d.familyId,
    timeText: timeFieldText(at),
    shiftByHand: d.shift === shiftOf(at, times) ? null : d.shift,
    categoryId: d.categoryId,
    personIds: d.personIds,
    text: d.text,
    concern: d.concern,
  };
}

/** The typed time as a moment (null: not a time), and the shift: chosen by hand, or the one the time falls in. */
export function timeAndShift(c: Content, times: ShiftTimes, now = new Date()): { at: Date | null; shift: Shift } {
  const at = parseTypedTime(c.timeText, now);
  return { at, shift: c.shiftByHand ?? shiftOf(at ?? now, times) };
}

/** The channel input. A draft with an unreadable time is kept as now; signing refuses it first (NewObservation.tsx). */
export function toInput(c: Content, times: ShiftTimes) {
  const now = new Date();
  const { at, shift } = timeAndShift(c, times, now);
  return { familyId: c.familyId, observedAt: (at ?? now).toISOString(), shift, categoryId: c.categoryId, personIds: c.personIds, text: c.text, concern: c.concern };
}
