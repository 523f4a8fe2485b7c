import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { instrumentSubjectLabels, type Instrument } from '../../../../../common/instruments';
import { formatNumber } from '../../../../../common/scoring';
import { call, errorText } from '../../../app/api';
import { cutoffText } from '../../../ui/charts/chartModel';
import { Notice } from '../../../ui/Field';
import { IntervalCutoffsDialog } from './IntervalCutoffsDialog';
import { NewInstrumentDialog } from './NewInstrumentDialog';

function cutoffCell(i: Instrument): string {
  const d = i.definition;
  if (!d.cutoff) return '–';
  if (d.intervals) {
    const entered = d.intervals.filter((iv) => iv.cutoff !== null).length;
    return `Pr. interval (${entered} af ${d.intervals.length} indtastet)`;
  }
  return d.cutoff.value === null ? '–' : cutoffText(d.cutoff.rule, d.cutoff.value);
}

/**
 * Ledelse · Måleredskaber: the built-in and the institution's own instruments, each with its version. Leaders enter
 * ASQ:SE-2's cut-offs per interval from the licensed manual, add their own instruments and take one out of use.
 */
export function InstrumentsPage() {
  const queryClient = useQueryClient();
  const instruments = useQuery({ queryKey: ['instruments', true], queryFn: () => call('instruments:list', { includeInactive: true }) });
  const [dialog, setDialog] = useState<null | 'new' | { edit: Instrument } | { intervals: Instrument }>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (i: Instrument) => {
    setError(null);
    try {
      await call('instruments:setActive', { instrumentId: i.id, active: !i.active });
      await queryClient.invalidateQueries({ queryKey: ['instruments'] });
    } catch (err) {
      setError(errorText(err));
    }
  };
  if (instruments.isError) return <Notice kind="error">{errorText(instruments.error)}</Notice>;
  if (!instruments.data) return <p className="muted">Henter måleredskaberne …</p>;
  return (
    <>
      <h1>Måleredskaber</h1>
      <p className="muted">Redskaberne er licenserede: her gemmes kun tal og korte navne, aldrig spørgsmålenes ordlyd. En ændring giver en ny version; en måling beholder den version, den blev lavet med.</p>
      <div className="actions" style={{ marginTop: 0 }}>
        <button type="button" onClick={() => setDialog('new')}>
          Nyt måleredskab
        </button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <table className="list" data-testid="instruments">
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Hvem</th>
            <th scope="col">Punkter</th>
            <th scope="col">Grænseværdi</th>
            <th scope="col" className="num">
              Version
            </th>
            <th scope="col">Handlinger</th>
          </tr>
        </thead>
        <tbody>
          {instruments.data.map((i) => {
            const d = i.definition;
            return (
              <tr key={i.id}>
                <th scope="row">
                  {d.name} {!i.active && <span className="badge muted-badge">Ikke i brug</span>}
                  {d.fullName && <div className="small muted" style={{ fontWeight: 400 }}>{d.fullName}</div>}
                </th>
                <td>{instrumentSubjectLabels[d.subject]}</td>
                <td className="nowrap">
                  {d.items.count}
                  {d.items.kind === 'score' && ` · ${formatNumber(d.items.min)}–${formatNumber(d.items.max)}`}
                </td>
                <td>{cutoffCell(i)}</td>
                <td className="num">{i.version}</td>
                <td>
                  <div className="row-actions">
                    {d.intervals && (
                      <button type="button" className="secondary" onClick={() => setDialog({ intervals: i })}>
                        Grænseværdier pr. interval<span className="sr-only"> for {d.name}</span>
                      </button>
                    )}
                    {!i.builtin && (
                      <button type="button" className="secondary" onClick={() => setDialog({ edit: i })}>
                        Ret<span className="sr-only"> {d.name}</span>
                      </button>
                    )}
                    <button type="button" className="secondary" onClick={() => void toggle(i)}>
                      {i.active ? 'Tag ud af brug' : 'Tag i brug'}
                      <span className="sr-only"> {d.name}</span>
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {dialog === 'new' && <NewInstrumentDialog onClose={() => setDialog(null)} />}
      {dialog && dialog !== 'new' && 'edit' in dialog && <NewInstrumentDialog instrument={dialog.edit} onClose={() => setDialog(null)} />}
      {dialog && dialog !== 'new' && 'intervals' in dialog && <IntervalCutoffsDialog instrument={dialog.intervals} onClose={() => setDialog(null)} />}
    </>
  );
}
