/**
 * The kinds of backup, and how the screens name them. Rotation keeps the newest of each of the last 7 days, 4 weeks
 * and 12 months (main/backups/store.ts), so "weekly" and "monthly" are daily backups kept longer, not kinds of their own.
 */
export const backupKinds = ['daily', 'manual', 'before_migration', 'before_restore', 'before_rekey'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupKindLabels: Record<BackupKind, string> = {
  daily: 'daglig',
  manual: 'manuel',
  before_migration: 'før opdatering',
  before_restore: 'før gendannelse',
  before_rekey: 'før nøgleskift',
};

/** How many backups rotation keeps: the newest of each of the last … days, weeks and months. */
export const backupRotation = { days: 7, weeks: 4, months: 12 } as const;

/** A backup's kind in Danish; a kind this version does not know is shown as it is. */
export function backupKindLabel(kind: string | null): string {
  if (kind === null) return 'ukendt';
  return (backupKindLabels as Record<string, string>)[kind] ?? kind;
}
