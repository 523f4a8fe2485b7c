import { useState } from 'react';
import { z } from 'zod';
import { call } from '../../app/api';
import { CardScreen } from '../../ui/CardScreen';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';

const schema = z.object({
  stored: z.boolean().refine((v) => v, 'Bekræft, at koden er gemt et sikkert sted.'),
  lastGroups: z.string().trim().min(1, 'Skriv de to sidste grupper af koden.'),
});

/** Shows a new recovery code once and lets the administrator prove it was written down. */
export function RecoveryCodeScreen({ code, onConfirmed, embedded }: { code: string; onConfirmed: () => void; embedded?: boolean }) {
  const { form, formError, submit, attempt } = useZodForm(schema, { stored: false, lastGroups: '' });
  const [printed, setPrinted] = useState(false);
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => {
    await call('recovery:confirm', { lastGroups: v.lastGroups });
    onConfirmed();
  });

  const body = (
    <>
      <h1>Gendannelseskode</h1>
      <p>
        Hvis alle administratorer glemmer deres adgangskode, er denne kode den <strong>eneste</strong> vej ind til dataene. Den vises kun
        denne ene gang.
      </p>
      <p className="code" aria-label="Gendannelseskoden" data-testid="recovery-code">
        {code}
      </p>
      <p className="muted">Skriv den ned eller udskriv den, og læg papiret i institutionens pengeskab. Gem den ikke på computeren.</p>
      <div className="actions no-print">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            window.print();
            setPrinted(true);
          }}
        >
          Udskriv koden
        </button>
        {printed && <span className="muted small">Udskrift sendt.</span>}
      </div>
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate className="no-print">
        <h2>Bekræft</h2>
        <FormErrorSummary errors={form.formState.errors} formError={formError} attempt={attempt} />
        <div className="field">
          <label className="check">
            <input type="checkbox" {...form.register('stored')} /> Jeg har gemt koden et sikkert sted
          </label>
          {e.stored && (
            <span className="error" role="alert">
              {e.stored.message}
            </span>
          )}
        </div>
        <Field
          label="Skriv de to sidste grupper af koden"
          hint="Fx ABCDE-FGHIJ. Så ved vi, at koden er skrevet rigtigt ned."
          autoComplete="off"
          spellCheck={false}
          required
          {...form.register('lastGroups')}
          error={e.lastGroups?.message}
        />
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            Koden er gemt – fortsæt
          </button>
        </div>
      </form>
    </>
  );
  if (embedded) return <div className="panel">{body}</div>;
  return <CardScreen wide>{body}</CardScreen>;
}
