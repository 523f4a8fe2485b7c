import type { EventPayload } from '../../../../common/channels';
import type { BackupEntryView } from '../../../../common/channels/backups';

export type BackupStage = EventPayload<'backup:progress'>['stage'];

/** The steps of "Tag sikkerhedskopi nu" as the screen names them, in order ('done' ends the list). */
export const backupSteps: ReadonlyArray<readonly [Exclude<BackupStage, 'done'>, string]> = [
  ['copy', 'Kopierer databasen …'],
  ['verify', 'Kontrollerer kopien …'],
];
export const backupStageOrder: readonly BackupStage[] = ['copy', 'verify', 'done'];

export const backupStatusLabels: Record<BackupEntryView['status'], string> = {
  ok: 'OK',
  damaged: 'Beskadiget',
  unreadable: 'Ulæselig',
};

/** The query key of `backups:status`, refreshed after a backup, a check or a new folder. */
export const backupStatusKey = ['backups', 'status'] as const;

/** Why a backup is not ok, in Danish: the check's own words, or what the list found. */
export function backupProblem(b: BackupEntryView): string | null {
  if (b.status === 'ok') return null;
  if (b.problem) return b.problem;
  return b.status === 'damaged' ? 'Filer i sikkerhedskopien mangler eller er ændret.' : 'Sikkerhedskopiens beskrivelse kan ikke læses.';
}
