import { useMutation } from '@tanstack/react-query';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { downloadText } from '../../ui/download';
import { today } from '../../ui/format';
import { accessLogCsv } from './accessLogCsv';
import { filterInput, type AccessLogFilter } from './AccessLogFilters';

/** "Eksportér CSV": the access log with the same filters as the screen, as a file for Excel (the export is logged). */
export function ExportCsvButton({ filter }: { filter: AccessLogFilter }) {
  const exportCsv = useMutation({
    mutationFn: () => call('accessLog:export', filterInput(filter)),
    onSuccess: (result) => downloadText(`adgangslog-${today()}.csv`, accessLogCsv(result.entries)),
  });
  return (
    <>
      <button type="button" className="secondary" onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>
        {exportCsv.isPending ? 'Eksporterer …' : 'Eksportér CSV'}
      </button>
      {exportCsv.isError && <Notice kind="error">{errorText(exportCsv.error)}</Notice>}
      {exportCsv.data && (
        <span className="muted small" role="status">
          {exportCsv.data.truncated
            ? `Filen har kun de nyeste ${exportCsv.data.entries.length.toLocaleString('da-DK')} rækker. Vælg en kortere periode for at få resten med.`
            : `${exportCsv.data.entries.length.toLocaleString('da-DK')} rækker eksporteret.`}
        </span>
      )}
    </>
  );
}
