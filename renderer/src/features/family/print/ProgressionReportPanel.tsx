import { z } from 'zod';
import { dateSchema } from '../../../../../common/dates';
import type { FamilyDetail } from '../../../../../common/families';
import { Field, Notice } from '../../../ui/Field';
import { today } from '../../../ui/format';
import { useZodForm } from '../../../ui/forms';
import { openPrintView } from '../../../ui/print/printRoute';

const schema = z.object({ from: dateSchema, to: dateSchema }).refine((v) => v.from <= v.to, { path: ['to'], message: 'Til dato skal være samme dag som fra dato eller senere.' });

/** The A4 progression report: choose the period, then open the printable page (charts, scores, goals, signatures). */
export function ProgressionReportPanel({ family }: { family: FamilyDetail }) {
  const { form, formError, submit } = useZodForm(schema, { from: family.startDate, to: family.endDate ?? today() });
  const e = form.formState.errors;
  const open = submit(async (v) => {
    openPrintView(`progression/${family.id}`, { fra: v.from, til: v.to });
  });
  return (
    <section className="panel" aria-labelledby="progression-report-title">
      <h2 id="progression-report-title" className="panel-title">
        Progressionsrapport
      </h2>
      <p className="muted">Grafer og tal for hvert måleredskab, udviklingsmålene med opfølgninger og plads til underskrifter. A4 med sidetal.</p>
      <form onSubmit={open} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <div className="row">
          <Field label="Fra" id="pr-from" type="date" required {...form.register('from')} error={e.from?.message} />
          <Field label="Til" id="pr-to" type="date" required {...form.register('to')} error={e.to?.message} />
        </div>
        <div className="actions">
          <button type="submit">Vis progressionsrapport</button>
        </div>
      </form>
    </section>
  );
}
