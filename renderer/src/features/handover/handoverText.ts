import type { Handover } from '../../../../common/channels/handover';
import type { Shift } from '../../../../common/journal';
import { formatDateTime } from '../../ui/format';

const shiftStartNames: Record<Shift, string> = { day: 'dagvagtens', evening: 'aftenvagtens', night: 'nattevagtens' };

/** "fra aftenvagtens start 02.12.2026 kl. 15.00 til 02.12.2026 kl. 23.30", or "fra 02.12.2026 kl. 07.00 til …". */
export function handoverPeriod(h: Pick<Handover, 'since' | 'sinceShift' | 'until'>): string {
  const at = (iso: string) => formatDateTime(iso).replace(' ', ' kl. ');
  const from = h.sinceShift ? `fra ${shiftStartNames[h.sinceShift]} start ${at(h.since)}` : `fra ${at(h.since)}`;
  return `${from} til ${at(h.until)}`;
}

export const itemKindLabels = { measurement: 'Måling', goal_review: 'Opfølgning på mål', plan_step: 'Udslusningsplan' } as const;

type HandoverFamily = Handover['families'][number];

/** Whether anything happened or waits in the family (else it is listed under »Intet nyt«). */
export function hasNews(f: HandoverFamily): boolean {
  return f.observations.length > 0 || f.pendingConcerns > 0 || f.due.length > 0 || f.plannedToday.length > 0;
}

/** "2 nye notater", "1 nyt notat". */
export function notesCount(n: number): string {
  return n === 1 ? '1 nyt notat' : `${n} nye notater`;
}
