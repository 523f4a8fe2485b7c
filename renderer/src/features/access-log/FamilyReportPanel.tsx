import { useState } from 'react';
import { z } from 'zod';
import { dateSchema } from '../../../../common/dates';
import { call } from '../../app/api';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { downloadText } from '../../ui/download';
import { today } from '../../ui/format';
import { useZodForm } from '../../ui/forms';
import { openPrintView } from '../../ui/print/printRoute';
import { SelectField } from '../../ui/SelectField';
import { familyReportCsv } from './accessLogCsv';
import { useAllFamilies } from './AccessLogFilters';

const optionalDate = z.union([z.literal(''), dateSchema]);
const schema = z
  .object({ familyId: z.string().min(1, 'Vælg en familie.'), from: optionalDate, to: optionalDate, includeStaff: z.boolean() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'Til dato skal være samme dag som fra dato eller senere.' });

/**
 * "Indsigt for en familie": a citizen's access request (GDPR art. 15) — every access to one family's data, as a CSV
 * file or a printable page. Staff names only when chosen.
 */
export function FamilyReportPanel() {
  const families = useAllFamilies();
  const [downloaded, setDownloaded] = useState<number | null>(null);
  const { form, formError, submit, attempt } = useZodForm(schema, { familyId: '', from: '', to: '', includeStaff: false });
  const e = form.formState.errors;
  const input = (v: z.output<typeof schema>) => ({ familyId: Number(v.familyId), from: v.from || undefined, to: v.to || undefined, includeStaff: v.includeStaff });
  const csv = submit(async (v) => {
    const report = await call('accessLog:familyReport', input(v));
    downloadText(`indsigt-familie-${report.family.id}-${today()}.csv`, familyReportCsv(report));
    setDownloaded(report.rows.length);
  });
  const print = submit(async (v) => {
    openPrintView(`indsigt/${v.familyId}`, { fra: v.from, til: v.to, navne: v.includeStaff });
  });
  return (
    <section className="panel" aria-labelledby="family-report-title">
      <h2 id="family-report-title" style={{ marginTop: 0 }}>
        Indsigt for en familie
      </h2>
      <p>
        Når en forælder beder om indsigt (databeskyttelsesforordningens artikel 15), kan du her se, hvem der har haft adgang til familiens oplysninger. Oversigten
        kan hentes som en fil til Excel eller udskrives. At du henter den, bliver også skrevet i adgangsloggen.
      </p>
      <form onSubmit={print} onChange={() => setDownloaded(null)} noValidate>
        <FormErrorSummary errors={form.formState.errors} formError={formError} attempt={attempt} />
        <div className="filters">
          <SelectField
            label="Familie"
            id="report-family"
            placeholder="Vælg en familie …"
            required
            options={(families.data ?? []).map((f) => ({ value: f.id, label: f.endDate ? `${f.displayName} (afsluttet)` : f.displayName }))}
            {...form.register('familyId')}
            error={e.familyId?.message}
          />
          <Field label="Fra dato" type="date" {...form.register('from')} error={e.from?.message} />
          <Field label="Til dato" type="date" {...form.register('to')} error={e.to?.message} />
        </div>
        <div className="field">
          <label className="check">
            <input type="checkbox" {...form.register('includeStaff')} /> Vis medarbejdernes navne
          </label>
          <span className="hint">Som udgangspunkt vises kun hvornår og hvad. Slå navnene til, hvis der er en særlig grund til, at forælderen skal se, hvem der har haft adgang.</span>
        </div>
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            Vis udskriftsvenlig side
          </button>
          <button type="button" className="secondary" onClick={csv} disabled={form.formState.isSubmitting}>
            Hent som CSV
          </button>
          {downloaded !== null && (
            <span className="muted small" role="status">
              Filen er hentet ({downloaded === 1 ? '1 registrering' : `${downloaded} registreringer`}).
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
