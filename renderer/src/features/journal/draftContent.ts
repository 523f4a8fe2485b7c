import { format } from 'date-fns';
import { shiftAt, type Concern, type Draft, type Shift } from '../../../../common/journal';

/** What the new-observation form holds; the same shape is saved as a draft and signed. */
export interface Content {
  familyId: number | null;
  observedAt: string; // datetime-local value, local time
  shift: Shift;
  categoryId: number | null;
  personIds: number[];
  text: string;
  concern: Concern;
}

const toLocalInput = (d: Date) => format(d, "yyyy-MM-dd'T'HH:mm");

export function freshContent(familyId: number | null): Content {
  const now = new Date();
  return { familyId, observedAt: toLocalInput(now), shift: shiftAt(now), categoryId: null, personIds: [], text: '', concern: 'none' };
}

export function fromDraft(d: Draft): Content {
  return { familyId: d.familyId, observedAt: toLocalInput(new Date(d.observedAt)), shift: d.shift, categoryId: d.categoryId, personIds: d.personIds, text: d.text, concern: d.concern };
}

/** For drafts an unreadable time is kept as now; signing refuses it first (requestSign in NewObservation.tsx). */
export function toInput(c: Content) {
  const at = new Date(c.observedAt);
  return { ...c, observedAt: Number.isNaN(at.getTime()) ? new Date().toISOString() : at.toISOString() };
}
