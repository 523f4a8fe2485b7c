import { useMutation, useQueryClient } from '@tanstack/react-query';
import { backupKindLabel } from '../../../../common/backups';
import type { BackupEntryView } from '../../../../common/channels/backups';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { formatDateTimeAt, formatMegabytes } from '../../ui/format';
import { backupProblem, backupStatusKey, backupStatusLabels } from './backupText';
import './backups.css';

const when = (b: BackupEntryView) => (b.createdAt ? formatDateTimeAt(b.createdAt) : 'ukendt tidspunkt');

/** The backups in the folder, newest first, each with its last check and "Kontrollér" to prove it opens again. */
export function BackupTable({ backups, folderOk }: { backups: BackupEntryView[]; folderOk: boolean }) {
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: (backup: BackupEntryView) => call('backups:verify', { id: backup.id }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: backupStatusKey }),
  });
  if (backups.length === 0 && !folderOk) return <p className="muted">Mappen kan ikke nås, så dens sikkerhedskopier kan ikke vises.</p>;
  if (backups.length === 0) return <p className="muted">Der er ingen sikkerhedskopier i mappen endnu. Tag den første med knappen ovenfor.</p>;
  const checked = verify.data;
  return (
    <>
      {verify.isError && <Notice kind="error">Sikkerhedskopien kunne ikke kontrolleres: {errorText(verify.error)}</Notice>}
      {checked && !verify.isPending && (
        <Notice kind={checked.status === 'ok' ? 'ok' : 'error'}>
          Sikkerhedskopien fra {when(checked)} er kontrolleret: {checked.status === 'ok' ? 'den kan åbnes og er hel.' : `${backupStatusLabels[checked.status].toLowerCase()}. ${backupProblem(checked) ?? ''}`}
        </Notice>
      )}
      <table className="list" data-testid="backup-list">
        <thead>
          <tr>
            <th>Taget</th>
            <th>Type</th>
            <th className="num">Størrelse</th>
            <th>Status</th>
            <th>Kontrolleret</th>
            <th>
              <span className="sr-only">Handlinger</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.id}>
              <td className="nowrap">{when(b)}</td>
              <td>{backupKindLabel(b.kind)}</td>
              <td className="nowrap num">{b.bytes !== null ? formatMegabytes(b.bytes) : '–'}</td>
              <td>
                <span className={b.status === 'ok' ? 'badge ok' : 'badge bad'}>{backupStatusLabels[b.status]}</span>
                {backupProblem(b) && <div className="small">{backupProblem(b)}</div>}
              </td>
              <td className="nowrap">{b.checkedAt ? formatDateTimeAt(b.checkedAt) : '–'}</td>
              <td>
                <div className="row-actions">
                  {b.origin === 'server' ? (
                    <span className="small muted">Kontrolleret, da den blev taget</span>
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      disabled={verify.isPending}
                      onClick={() => verify.mutate(b)}
                      aria-label={`Kontrollér sikkerhedskopien fra ${when(b)}`}
                    >
                      {verify.isPending && verify.variables.id === b.id ? 'Kontrollerer …' : 'Kontrollér'}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
