import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import { phaseLabels, phases } from '../../../../common/families';
import { call } from '../../app/api';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { labelOptions, SelectField } from '../../ui/SelectField';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';
import { emptyFamily, emptyPerson, newFamilySchema, type NewFamilyValues } from './newFamilySchema';
import { PersonRow } from './PersonRow';

/**
 * Half-filled "Ny familie" forms, per user, in memory only: they survive an idle lock (the screen is rebuilt), never
 * reach the disk (sessionStorage would end up in the browser profile, outside the encrypted database).
 */
const unsavedFamilyForms = new Map<number, unknown>();

/** "Ny familie": the placement, its phase and its first persons, checked by the same schema as the backend. */
export function NewFamilyPage({ userId }: { userId: number }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const saved = (unsavedFamilyForms.get(userId) ?? null) as NewFamilyValues | null;
  const { form, formError, submit, attempt } = useZodForm(newFamilySchema, saved ?? emptyFamily());
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
  return (
    <>
      <h1>Ny familie</h1>
      <form className="panel" onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        <FormErrorSummary errors={form.formState.errors} formError={formError} attempt={attempt} />
        <div className="row">
          <Field label="Familiens navn" required autoFocus hint="Det navn, familien vises med, fx »Familien Hansen«." {...form.register('displayName')} error={e.displayName?.message} />
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
        {persons.fields.map((field, i) => (
          <PersonRow key={field.id} form={form} index={i} count={persons.fields.length} onRemove={() => persons.remove(i)} />
        ))}
        <button type="button" className="secondary" onClick={() => persons.append(emptyPerson('child'))}>
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
