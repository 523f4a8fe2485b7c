import { useQueryClient } from '@tanstack/react-query';
import { Fragment } from 'react';
import { z } from 'zod';
import { measurementWithdrawSchema, type Measurement } from '../../../../../common/measurements';
import { formatNumber } from '../../../../../common/scoring';
import { call } from '../../../app/api';
import { DialogForm } from '../../../ui/DialogForm';
import { formatDate, formatDateTime } from '../../../ui/format';
import { useZodForm } from '../../../ui/forms';

function zoneBadge(m: Measurement) {
  if (m.withdrawn) return <span className="badge muted-badge">Tilbagekaldt</span>;
  if (m.zone === 'flagged') return <span className="badge danger">{m.cutoff && (m.cutoff.rule === 'lte' || m.cutoff.rule === 'lt') ? 'Under grænseværdien' : 'Over grænseværdien'}</span>;
  if (m.zone === 'monitor') return <span className="badge warn">Overvågningszone</span>;
  return null;
}

/** Every measurement, newest first, with its versions; corrections and withdrawals are appended, never edits. */
export function MeasurementList({ measurements, closed, onCorrect, onWithdraw }: { measurements: Measurement[]; closed: boolean; onCorrect: (m: Measurement) => void; onWithdraw: (m: Measurement) => void }) {
  if (measurements.length === 0) return <p className="muted">Der er ingen målinger endnu. Vælg «Ny måling» eller «Registrér» ud for det, der skal måles.</p>;
  return (
    <table className="list" data-testid="measurements">
      <thead>
        <tr>
          <th scope="col">Dato</th>
          <th scope="col">Måleredskab</th>
          <th scope="col">Hvem</th>
          <th scope="col" className="num">
            Total
          </th>
          <th scope="col">Bedømmer</th>
          <th scope="col">
            <span className="sr-only">Handlinger</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {measurements.map((m) => (
          <Fragment key={m.id}>
            <tr className={m.withdrawn ? 'inactive' : undefined}>
              <td className="nowrap">{formatDate(m.measuredOn)}</td>
              <td>
                {m.instrument.name}
                {m.interval ? ` (${m.interval} mdr.)` : ''}
                {m.staff && <div className="small muted">Samtale med {m.staff.name}</div>}
              </td>
              <td>{m.person.name}</td>
              <td className="num">
                {m.total === null ? '–' : formatNumber(m.total)} {zoneBadge(m)}
              </td>
              <td>{m.rater.name}</td>
              <td>
                {!m.withdrawn && !closed && (
                  <div className="row-actions">
                    <button type="button" className="secondary" onClick={() => onCorrect(m)}>
                      Ret<span className="sr-only"> målingen {formatDate(m.measuredOn)}</span>
                    </button>
                    <button type="button" className="secondary" onClick={() => onWithdraw(m)}>
                      Tilbagekald<span className="sr-only"> målingen {formatDate(m.measuredOn)}</span>
                    </button>
                  </div>
                )}
              </td>
            </tr>
            {m.history.length > 1 && (
              <tr className="history-row">
                <td colSpan={6}>
                  <details>
                    <summary className="small">
                      {m.withdrawn ? 'Tilbagekaldt' : 'Rettet'} · {m.history.length} versioner
                    </summary>
                    <ol className="small history">
                      {m.history.map((h, i) => (
                        <li key={h.id}>
                          {i === 0 ? 'Oprettet' : h.withdrawn ? 'Tilbagekaldt' : 'Rettet'} af {h.by.name} den {formatDateTime(h.at)}: {formatDate(h.measuredOn)}, total {h.total === null ? '–' : formatNumber(h.total)}
                          {h.reason && <> · Begrundelse: {h.reason}</>}
                        </li>
                      ))}
                    </ol>
                  </details>
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/** Withdrawing a measurement entered by mistake: appended with a reason; it leaves charts, schedules and exports. */
export function WithdrawDialog({ measurement: m, onClose }: { measurement: Measurement; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { form, formError, submit } = useZodForm(z.object({ reason: measurementWithdrawSchema.shape.reason }), { reason: '' });
  return (
    <DialogForm
      title="Tilbagekald målingen?"
      onClose={onClose}
      error={formError}
      submitLabel="Tilbagekald"
      onSubmit={submit(async (v) => {
        await call('measurements:withdraw', { measurementId: m.id, reason: v.reason });
        await queryClient.invalidateQueries({ queryKey: ['progression', m.familyId] });
        void queryClient.invalidateQueries({ queryKey: ['chart', m.familyId] });
        onClose();
      })}
    >
      <p>
        {m.instrument.name} for {m.person.name} den {formatDate(m.measuredOn)} markeres som indtastet ved en fejl. Den forsvinder fra grafer, plan og udtræk, men bevares
        med din begrundelse.
      </p>
      <div className="field">
        <label htmlFor="withdraw-reason">
          Begrundelse<span className="req" aria-hidden="true">*</span>
        </label>
        <textarea id="withdraw-reason" rows={2} autoFocus aria-required aria-invalid={form.formState.errors.reason ? true : undefined} {...form.register('reason')} />
        {form.formState.errors.reason && (
          <span className="error" role="alert">
            {form.formState.errors.reason.message}
          </span>
        )}
      </div>
    </DialogForm>
  );
}
