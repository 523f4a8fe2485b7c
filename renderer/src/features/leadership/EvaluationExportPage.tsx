import { useState } from 'react';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { downloadText } from '../../ui/download';

type ExportResult = Awaited<ReturnType<typeof runExport>>;
const runExport = (includeCurrent: boolean) => call('evaluation:export', { includeCurrent });

/**
 * Evalueringsudtræk (for VIVE and the municipalities): a pseudonymised data set of closed families, optionally also the
 * current ones: CSV files and a JSON file describing every column. The backend leaves out names, CPR numbers, free
 * text and exact dates, and logs the export.
 */
export function EvaluationExportPage() {
  const [includeCurrent, setIncludeCurrent] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await runExport(includeCurrent));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>Evalueringsudtræk</h1>
      <section className="panel">
        <p>
          Udtrækket er til en evaluering af indsatsen (fx VIVE sammen med kommunerne). Hver familie får en tilfældig kode. Datoer er omregnet til dage siden indflytning og
          barnets alder til måneder. Navne, CPR-numre, fritekst og præcise datoer kommer ikke med. Udtrækket registreres i adgangsloggen.
        </p>
        <label className="check-inline">
          <input type="checkbox" checked={includeCurrent} onChange={(e) => setIncludeCurrent(e.target.checked)} /> Tag også familier med, der bor her nu
        </label>
        <div className="actions">
          <button type="button" onClick={() => void make()} disabled={busy}>
            Lav udtræk
          </button>
        </div>
        {error && <Notice kind="error">{error}</Notice>}
      </section>
      {result && (
        <section className="panel" aria-labelledby="export-files-title">
          <h2 id="export-files-title" className="panel-title">
            Udtræk med {result.familyCount === 1 ? '1 familie' : `${result.familyCount} familier`}
          </h2>
          <table className="list" data-testid="evaluation-files">
            <thead>
              <tr>
                <th scope="col">Fil</th>
                <th scope="col" className="num">
                  Linjer
                </th>
                <th scope="col">Gem</th>
              </tr>
            </thead>
            <tbody>
              {result.files.map((f) => (
                <tr key={f.fileName}>
                  <td>{f.fileName}</td>
                  <td className="num">{f.mediaType === 'text/csv' ? Math.max(0, f.content.trimEnd().split('\n').length - 1) : '–'}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => downloadText(f.fileName, f.content, f.mediaType === 'text/csv' ? 'text/csv;charset=utf-8' : 'application/json')}>
                      Gem<span className="sr-only"> {f.fileName}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
