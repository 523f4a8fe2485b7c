import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import { z } from 'zod';
import { channels } from '../../../../common/channels';
import { DEFAULT_LEGAL_BASIS, personKindLabels, personKinds, phaseLabels, phases } from '../../../../common/families';
import { call } from '../../app/api';
import { Field, Notice } from '../../ui/Field';
import { labelOptions, SelectField } from '../../ui/SelectField';
import { today } from '../../ui/format';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';

const input = channels['families:create'].input;
const personForm = z.object({
  kind: z.enum(personKinds),
  name: z.string(),
  cpr: z.string(),
  birthDate: z.string(),
  dueDate: z.string(),
});
// The form keeps text fields as strings; the channel schema (shared with the backend) does the real validation.
const createSchema = z
  .object({
    displayName: z.string(),
    municipality: z.string(),
    caseworkerName: z.string(),
    caseworkerContact: z.string(),
    legalBasis: z.string(),
    phase: z.enum(phases),
    startDate: z.string(),
    plannedEndDate: z.string(),
    persons: z.array(personForm),
  })
  .superRefine((v, ctx) => {
    const parsed = input.safeParse(v);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path as (string | number)[], message: issue.message });
  })
  .transform((v) => input.parse(v));

/**
 * Half-filled "Ny familie" forms, per user, in memory only: they survive an idle lock (the screen is rebuilt), never
 * reach the disk (sessionStorage would end up in the browser profile, outside the encrypted database).
 */
const unsavedFamilyForms = new Map<number, unknown>();

/** "Ny familie": the placement, its phase and its first persons, checked by the same schema as the backend. */
export function NewFamilyPage({ userId }: { userId: number }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const saved = (unsavedFamilyForms.get(userId) ?? null) as z.input<typeof createSchema> | null;
  const { form, formError, submit } = useZodForm(
    createSchema,
    saved ?? {
      displayName: '',
      municipality: '',
      caseworkerName: '',
      caseworkerContact: '',
      legalBasis: DEFAULT_LEGAL_BASIS,
      phase: 'intake',
      startDate: today(),
      plannedEndDate: '',
      persons: [{ kind: 'mother', name: '', cpr: '', birthDate: '', dueDate: '' }],
    },
  );
  const persons = useFieldArray({ control: form.control, name: 'persons' });
  const e = form.formState.errors;
  // Keep what was typed if the screen locks before saving (no CPR numbers are kept).
  useEffect(() => {
    const subscription = form.watch((values) => unsavedFamilyForms.set(userId, { ...values, persons: (values.persons ?? []).map((p) => ({ ...p, cpr: '' })) }));
    return () => subscription.unsubscribe();
  }, [form, userId]);
  const onSubmit = submit(async (values) => {
    const family = await call('families:create', values);
    unsavedFamilyForms.delete(userId);
    void queryClient.invalidateQueries({ queryKey: ['families'] });
    void queryClient.invalidateQueries({ queryKey: ['front'] });
    navigate(`/familier/${family.id}`);
  });
  const pe = (i: number) => e.persons?.[i];
  return (
    <>
      <h1>Ny familie</h1>
      <form className="panel" onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <div className="row">
          <Field label="Familiens navn" required autoFocus hint="Det navn, familien vises med, fx «Familien Hansen»." {...form.register('displayName')} error={e.displayName?.message} />
          <SelectField label="Fase" id="create-phase" options={labelOptions(phases, phaseLabels)} {...form.register('phase')} />
        </div>
        <div className="row">
          <Field label="Startdato" type="date" required {...form.register('startDate')} error={e.startDate?.message} />
          <Field label="Planlagt slutdato" type="date" hint="Tom: startdato + 6 måneder." {...form.register('plannedEndDate')} error={e.plannedEndDate?.message} />
        </div>
        <div className="row">
          <Field label="Henvisende kommune" {...form.register('municipality')} error={e.municipality?.message} />
          <Field label="Sagsbehandler" {...form.register('caseworkerName')} error={e.caseworkerName?.message} />
          <Field label="Sagsbehandlers kontakt" hint="Telefon eller e-mail" {...form.register('caseworkerContact')} error={e.caseworkerContact?.message} />
        </div>
        <Field label="Lovgrundlag" required {...form.register('legalBasis')} error={e.legalBasis?.message} />

        <h2>Personer</h2>
        {e.persons?.message && <Notice kind="error">{e.persons.message}</Notice>}
        {persons.fields.map((field, i) => {
          const kind = form.watch(`persons.${i}.kind`);
          return (
            <fieldset key={field.id} className="person-row">
              <legend>Person {i + 1}</legend>
              <div className="row">
                <SelectField label="Hvem" id={`p-kind-${i}`} options={labelOptions(personKinds, personKindLabels)} {...form.register(`persons.${i}.kind`)} />
                <Field label="Navn" required id={`p-name-${i}`} {...form.register(`persons.${i}.name`)} error={pe(i)?.name?.message} />
                <Field label="CPR-nummer" id={`p-cpr-${i}`} hint="Valgfrit" autoComplete="off" {...form.register(`persons.${i}.cpr`)} error={pe(i)?.cpr?.message} />
              </div>
              <div className="row">
                <Field label="Fødselsdato" type="date" id={`p-birth-${i}`} {...form.register(`persons.${i}.birthDate`)} error={pe(i)?.birthDate?.message} />
                {kind === 'child' && <Field label="Terminsdato (ufødt barn)" type="date" id={`p-due-${i}`} {...form.register(`persons.${i}.dueDate`)} error={pe(i)?.dueDate?.message} />}
              </div>
              {persons.fields.length > 1 && (
                <button type="button" className="link" onClick={() => persons.remove(i)}>
                  Fjern person {i + 1}
                </button>
              )}
            </fieldset>
          );
        })}
        <button type="button" className="secondary" onClick={() => persons.append({ kind: 'child', name: '', cpr: '', birthDate: '', dueDate: '' })}>
          Tilføj person
        </button>
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            Opret familie
          </button>
          <Link href="/familier" className="button secondary" onClick={() => unsavedFamilyForms.delete(userId)}>
            Annullér
          </Link>
          <span className="muted small">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> gemmer
          </span>
        </div>
      </form>
    </>
  );
}
