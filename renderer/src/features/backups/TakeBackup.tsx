import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BackupEntryView } from '../../../../common/channels/backups';
import { call, errorText, onEvent } from '../../app/api';
import { Notice } from '../../ui/Field';
import { formatDateTimeAt, formatMegabytes } from '../../ui/format';
import { laterStage, Steps } from '../../ui/Steps';
import { backupStageOrder, backupStatusKey, backupSteps, type BackupStage } from './backupText';

function takenDetails(entry: BackupEntryView): string {
  const parts = [entry.createdAt ? formatDateTimeAt(entry.createdAt) : null, entry.bytes !== null ? formatMegabytes(entry.bytes) : null].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** "Tag sikkerhedskopi nu": the steps as the backend reports them, then the result, and the list refreshed. */
export function TakeBackup({ disabled }: { disabled: boolean }) {
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<BackupStage | null>(null);
  // Listening from the start, so the first step is not missed.
  useEffect(() => onEvent('backup:progress', (p) => setStage((s) => (s === null ? s : laterStage(backupStageOrder, s, p.stage)))), []);
  const create = useMutation({
    mutationFn: () => call('backups:create', {}),
    onMutate: () => setStage('copy'),
    onSettled: () => {
      setStage(null);
      void queryClient.invalidateQueries({ queryKey: backupStatusKey });
      // The front page's warning about backups.
      void queryClient.invalidateQueries({ queryKey: ['front'] });
      // On the server: the panel's last backup.
      void queryClient.invalidateQueries({ queryKey: ['server', 'status'] });
    },
  });
  const taken = create.data;
  return (
    <>
      {create.isPending && stage && (
        <>
          <p>Familiespor tager en sikkerhedskopi. Luk ikke programmet.</p>
          <Steps steps={backupSteps} current={stage} testId="backup-progress" />
        </>
      )}
      {create.isError && <Notice kind="error">Sikkerhedskopien blev ikke taget: {errorText(create.error)}</Notice>}
      {taken && !create.isPending && <Notice kind="ok">Sikkerhedskopien er taget og kontrolleret{takenDetails(taken)}.</Notice>}
      {taken?.backupCode && !create.isPending && (
        <div className="panel" data-testid="backup-code">
          <h3 style={{ marginTop: 0 }}>Sikkerhedskopikode</h3>
          <Notice kind="warn">Koden vises kun nu. Uden den kan ingen sikkerhedskopi af serveren åbnes. Skriv den ned, og læg den et sikkert sted (fx i pengeskabet).</Notice>
          <p className="code">{taken.backupCode}</p>
          <button type="button" className="secondary" onClick={() => window.print()}>
            Udskriv koden
          </button>
        </div>
      )}
      <button type="button" onClick={() => create.mutate()} disabled={disabled || create.isPending}>
        {create.isPending ? 'Tager sikkerhedskopi …' : 'Tag sikkerhedskopi nu'}
      </button>
    </>
  );
}
