import { useQuery } from '@tanstack/react-query';
import { backupRotation } from '../../../../common/backups';
import type { BackupStatus } from '../../../../common/channels/backups';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { formatDateTimeAt } from '../../ui/format';
import { BackupFolderPanel } from './BackupFolderPanel';
import { backupStatusKey } from './backupText';
import { BackupTable } from './BackupTable';
import { ServerStatusPanel } from './ServerStatusPanel';
import { TakeBackup } from './TakeBackup';
import './backups.css';

function lastGoodText(status: BackupStatus): string {
  if (status.lastGoodAt) return formatDateTimeAt(status.lastGoodAt);
  if (!status.folderOk) return 'Ukendt: mappen kan ikke nås.';
  if (status.backups.length > 0) return 'Ingen af sikkerhedskopierne i mappen kan bruges.';
  return 'Der er endnu ikke taget en sikkerhedskopi i denne mappe.';
}

/** Administration → Sikkerhedskopier: the folder, the newest good backup, a backup now, and every backup with its check. */
export function BackupsPage({ onServer }: { onServer: boolean }) {
  const status = useQuery({ queryKey: backupStatusKey, queryFn: () => call('backups:status', {}) });
  return (
    <>
      <h1>Sikkerhedskopier</h1>
      {onServer && <ServerStatusPanel />}
      {onServer ? (
        <p className="muted">
          En sikkerhedskopi af institutionens server er en krypteret kopi af alle tabeller, gemt i den mappe, du vælger på denne computer. Den åbnes kun med
          sikkerhedskopikoden, som vises én gang ved den første sikkerhedskopi, og IT gendanner den på en tom database med <code>npm run prepare-server -- gendan</code>.
        </p>
      ) : (
        <p className="muted">
          Familiespor tager selv en sikkerhedskopi hver dag og gemmer den nyeste fra hver af de sidste {backupRotation.days} dage, {backupRotation.weeks} uger og{' '}
          {backupRotation.months} måneder. En sikkerhedskopi åbnes kun med en adgangskode eller gendannelseskoden fra dengang, den blev taget.
        </p>
      )}
      {status.isError && <Notice kind="error">{errorText(status.error)}</Notice>}
      {status.data && (
        <>
          <BackupFolderPanel status={status.data} onServer={onServer} />
          <section className="panel" aria-labelledby="backups-latest-title">
            <h2 id="backups-latest-title" style={{ marginTop: 0 }}>
              Seneste gode sikkerhedskopi
            </h2>
            <p data-testid="backup-last-good">
              {lastGoodText(status.data)}
            </p>
            {!status.data.folderOk && <p className="muted small">Vælg en anden mappe, eller sæt USB-nøglen eller netværksdrevet i, før der kan tages en sikkerhedskopi.</p>}
            <TakeBackup disabled={!status.data.folderOk} />
          </section>
          <h2>Alle sikkerhedskopier i mappen</h2>
          <BackupTable backups={status.data.backups} folderOk={status.data.folderOk} />
        </>
      )}
    </>
  );
}
