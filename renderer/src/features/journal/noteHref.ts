import { hashHref } from '../../ui/hashRoute';

/** The address of one note in its family's dagbog: the timeline opens at it, marked (and the search words marked). */
export function noteHref(note: { id: number; familyId: number; observedAt: string }, query?: string): string {
  return hashHref(`/familier/${note.familyId}/dagbog`, { notat: note.id, tid: note.observedAt, soeg: query });
}
