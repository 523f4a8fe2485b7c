import type { EventPayload } from '../../../../common/channels';
import { laterStage as later } from '../../ui/Steps';

export type RekeyStage = EventPayload<'keys:rekeyProgress'>['stage'];

/** The steps of "Skift databasens nøgle" as the screen names them, in order ('done' ends the list). */
export const rekeySteps: ReadonlyArray<[Exclude<RekeyStage, 'done'>, string]> = [
  ['copy', 'Krypterer en kopi …'],
  ['keyfile', 'Opdaterer nøglefilen …'],
  ['swap', 'Skifter til den nye database …'],
];

const order: RekeyStage[] = ['copy', 'keyfile', 'swap', 'done'];

/** The later of two stages: a late or repeated event never moves the progress back. */
export function laterStage(a: RekeyStage | null, b: RekeyStage): RekeyStage {
  return later(order, a, b);
}

/** "under et sekund", "1 sekund", "42 sekunder", "1 minut og 5 sekunder". */
export function durationText(ms: number): string {
  if (ms < 1000) return 'under et sekund';
  const total = Math.round(ms / 1000);
  const seconds = total % 60;
  const minutes = Math.floor(total / 60);
  const s = seconds === 1 ? '1 sekund' : `${seconds} sekunder`;
  if (minutes === 0) return s;
  const m = minutes === 1 ? '1 minut' : `${minutes} minutter`;
  return seconds === 0 ? m : `${m} og ${s}`;
}
