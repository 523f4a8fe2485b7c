import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Instrument, Interval } from '../../../../../common/instruments';
import { call, errorText } from '../../../app/api';
import { Dialog } from '../../../ui/Dialog';
import { Notice } from '../../../ui/Field';

type Row = { itemCount: string; cutoff: string; monitoringFrom: string };
const text = (v: number | null) => (v === null ? '' : String(v));
const age = (a: Interval['from']) => `${a.months} mdr.${a.days ? ` ${a.days} d.` : ''}`;

/** The cut-off, the monitoring zone and the number of items per questionnaire, entered from the licensed manual. */
export function IntervalCutoffsDialog({ instrument, onClose }: { instrument: Instrument; onClose: () => void }) {
  const queryClient = useQueryClient();
  const intervals = instrument.definition.intervals ?? [];
  const [rows, setRows] = useState<Row[]>(intervals.map((iv) => ({ itemCount: text(iv.itemCount), cutoff: text(iv.cutoff), monitoringFrom: text(iv.monitoringFrom) })));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (i: number, key: keyof Row, value: string) => setRows(rows.map((r, k) => (k === i ? { ...r, [key]: value } : r)));
  const save = async () => {
    const parse = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
    const next = intervals.map((iv, i) => {
      const r = rows[i] ?? { itemCount: '', cutoff: '', monitoringFrom: '' };
      return { ...iv, itemCount: parse(r.itemCount), cutoff: parse(r.cutoff), monitoringFrom: parse(r.monitoringFrom) };
    });
    if (next.some((iv) => [iv.itemCount, iv.cutoff, iv.monitoringFrom].some((v) => v !== null && Number.isNaN(v)))) {
      setError('Skriv tal i felterne, eller lad dem stå tomme.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('instruments:update', { instrumentId: instrument.id, definition: { ...instrument.definition, intervals: next }, note: 'Grænseværdier pr. interval' });
      await queryClient.invalidateQueries({ queryKey: ['instruments'] });
      onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Grænseværdier pr. interval: ${instrument.definition.name}`} onClose={onClose} wide initialFocusId="iv-cutoff-0">
      <p className="muted">Indtast tallene fra jeres licenserede manual. Et tomt felt betyder, at skemaet endnu ikke markerer en total.</p>
      {error && <Notice kind="error">{error}</Notice>}
      <table className="list" data-testid="interval-cutoffs">
        <thead>
          <tr>
            <th scope="col">Skema</th>
            <th scope="col">Alder</th>
            <th scope="col">Antal punkter</th>
            <th scope="col">Grænseværdi</th>
            <th scope="col">Overvågningszone fra</th>
          </tr>
        </thead>
        <tbody>
          {intervals.map((iv, i) => (
            <tr key={iv.months}>
              <th scope="row">{iv.months} mdr.</th>
              <td className="nowrap small">
                {age(iv.from)} – {age(iv.to)}
              </td>
              {(['itemCount', 'cutoff', 'monitoringFrom'] as const).map((key) => (
                <td key={key}>
                  <input
                    id={key === 'cutoff' ? `iv-cutoff-${i}` : undefined}
                    className="item-input"
                    inputMode="decimal"
                    aria-label={`${key === 'itemCount' ? 'Antal punkter' : key === 'cutoff' ? 'Grænseværdi' : 'Overvågningszone fra'}, ${iv.months}-måneders-skema`}
                    value={rows[i]?.[key] ?? ''}
                    onChange={(e) => set(i, key, e.target.value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => void save()} disabled={busy}>
          Gem som ny version
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Annullér
        </button>
      </div>
    </Dialog>
  );
}
