import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { dateSchema } from '../../../../../common/dates';
import type { FamilyDetail } from '../../../../../common/families';
import type { StatusReportSummary } from '../../../../../common/status-reports';
import { call, errorText } from '../../../app/api';
import { Field, Notice } from '../../../ui/Field';
import { formatDate, formatDateTime, today } from '../../../ui/format';
import { useZodForm } from '../../../ui/forms';
import { printHref } from '../../../ui/print/printRoute';

const schema = z
  .object({ from: dateSchema, to: dateSchema.refine((d) => d <= today(), 'Perioden slutter i fremtiden.') })
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'Perioden slutter før den begynder.' });

export function statusText(r: StatusReportSummary): string {
  if (!r.signed) return `Kladde · senest ændret ${formatDateTime(r.updatedAt)}`;
  return `Underskrevet af ${r.signed.by.name}${r.signed.as === 'leader' ? ' (leder)' : ''} den ${formatDateTime(r.signed.at)}`;
}

/** The family's statusrapporter til kommunen, newest first, and a new draft for a chosen period. */
export function StatusReportList({ family, onOpen }: { family: FamilyDetail; onOpen: (reportId: number) => void }) {
  const queryClient = useQueryClient();
  const reports = useQuery({ queryKey: ['statusReports', family.id], queryFn: () => call('statusReports:list', { familyId: family.id }) });
  const { form, formError, submit } = useZodForm(schema, { from: family.startDate, to: today() });
  const e = form.formState.errors;
  const create = submit(async (v) => {
    const report = await call('statusReports:create', { familyId: family.id, periodFrom: v.from, periodTo: v.to });
    void queryClient.invalidateQueries({ queryKey: ['statusReports', family.id] });
    onOpen(report.id);
  });
  return (
    <section className="panel" aria-labelledby="status-reports-title">
      <h2 id="status-reports-title" className="panel-title">
        Statusrapporter til kommunen
      </h2>
      <p className="muted">Et udkast samles af periodens mål, opfølgninger, målinger og bekymringer. Skriv vurderingen, vælg de relevante dagbogsnotater, og lad tovholderen underskrive. En underskrevet rapport kan ikke ændres.</p>
      {reports.isError && <Notice kind="error">{errorText(reports.error)}</Notice>}
      {reports.data && reports.data.length > 0 && (
        <table className="list" data-testid="status-reports">
          <thead>
            <tr>
              <th scope="col">Periode</th>
              <th scope="col">Status</th>
              <th scope="col">Handlinger</th>
            </tr>
          </thead>
          <tbody>
            {reports.data.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">
                  {formatDate(r.periodFrom)}–{formatDate(r.periodTo)}
                </td>
                <td>
                  <span className={r.signed ? 'badge' : 'badge warn'}>{r.signed ? 'Underskrevet' : 'Kladde'}</span> <span className="small muted">{statusText(r)}</span>
                </td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="secondary" onClick={() => onOpen(r.id)}>
                      {r.signed ? 'Vis' : 'Redigér'}
                      <span className="sr-only"> statusrapporten {formatDate(r.periodFrom)}–{formatDate(r.periodTo)}</span>
                    </button>
                    {r.signed && (
                      <a className="button secondary" href={printHref(`statusrapport/${r.id}`)}>
                        Udskriv<span className="sr-only"> statusrapporten {formatDate(r.periodFrom)}–{formatDate(r.periodTo)}</span>
                      </a>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reports.data && reports.data.length === 0 && <p className="muted">Der er ingen statusrapporter endnu.</p>}
      <form onSubmit={create} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <h3>Ny statusrapport</h3>
        <div className="row">
          <Field label="Periode fra" id="sr-from" type="date" required {...form.register('from')} error={e.from?.message} />
          <Field label="Periode til" id="sr-to" type="date" required max={today()} {...form.register('to')} error={e.to?.message} />
        </div>
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            Opret udkast
          </button>
        </div>
      </form>
    </section>
  );
}
