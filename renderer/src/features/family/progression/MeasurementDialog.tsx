import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FamilyDetail } from '../../../../../common/families';
import { instrumentSubjectLabels, type Instrument } from '../../../../../common/instruments';
import type { Measurement } from '../../../../../common/measurements';
import type { SessionUser, UserRef } from '../../../../../common/users';
import { call } from '../../../app/api';
import { Dialog } from '../../../ui/Dialog';
import { Field, Notice } from '../../../ui/Field';
import { today } from '../../../ui/format';
import { ctrlEnterSubmits, useZodForm } from '../../../ui/forms';
import { SelectField } from '../../../ui/SelectField';
import { firstItemIssue, ItemFields } from './ItemFields';
import { emptyItem, fittingInterval, formFromMeasurement, itemCountFor, liveScore, measurementFields, measurementFormSchema, personsFor, type MeasurementForm } from './measurementForm';
import { LiveTotal } from './LiveTotal';
import { RaterFields } from './RaterFields';

const emptyItems = (count: number) => Array.from({ length: count }, emptyItem);

export interface MeasurementPreset {
  instrumentId: number;
  personId: number;
  interval: number | null;
}

/**
 * Entering a measurement item by item, with the total and the cut-off shown live by the same scoring function the
 * backend stores with; or a correction: the whole measurement again, with a reason, appended as a new version.
 */
export function MeasurementDialog({ family, instruments, staff, me, preset, correcting, onClose }: { family: FamilyDetail; instruments: Instrument[]; staff: UserRef[]; me: SessionUser; preset?: MeasurementPreset; correcting?: Measurement; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [tried, setTried] = useState(false);
  const presetDef = preset ? instruments.find((i) => i.id === preset.instrumentId)?.definition : undefined;
  const defaults: MeasurementForm = correcting
    ? formFromMeasurement(correcting)
    : {
        instrumentId: preset ? String(preset.instrumentId) : '',
        personId: preset ? String(preset.personId) : '',
        measuredOn: today(),
        interval: preset?.interval ? String(preset.interval) : '',
        raterKind: 'me',
        raterId: '',
        raterName: '',
        staffId: String(me.id),
        // Known at once for a preset, so the first item can take the focus when the dialog opens.
        items: presetDef ? emptyItems(itemCountFor(presetDef, preset?.interval ?? null)) : [],
        note: '',
        reason: '',
      };
  const { form, formError, submit } = useZodForm(measurementFormSchema, defaults);
  const e = form.formState.errors;
  const [instrumentId, personId, interval, measuredOn, items] = form.watch(['instrumentId', 'personId', 'interval', 'measuredOn', 'items']);
  const instrument = instruments.find((i) => String(i.id) === instrumentId);
  const def = instrument?.definition;
  const persons = personsFor(def, family.persons);
  const intervalMonths = interval ? Number(interval) : null;
  const count = def ? itemCountFor(def, intervalMonths) : 0;

  // The questionnaire that fits the child's age on the day, until one is chosen.
  useEffect(() => {
    if (!def?.intervals || correcting || form.getValues('interval')) return;
    const fits = fittingInterval(def, family.persons.find((p) => String(p.id) === personId), measuredOn);
    if (fits === null) return;
    form.setValue('interval', String(fits));
    form.setValue('items', emptyItems(itemCountFor(def, fits)));
  }, [def, personId, measuredOn, correcting, family.persons, form]);
  // One field per item of the instrument (or questionnaire); what is typed stays where the count allows.
  useEffect(() => {
    const current = form.getValues('items');
    if (current.length === count) return;
    form.setValue('items', Array.from({ length: count }, (_, i) => current[i] ?? emptyItem()));
  }, [count, form]);
  // The only person the instrument fits is chosen for you.
  useEffect(() => {
    const only = persons.length === 1 ? persons[0] : undefined;
    if (!correcting && only && !form.getValues('personId')) form.setValue('personId', String(only.id));
  }, [persons, correcting, form]);

  const live = def ? liveScore(def, intervalMonths, items) : null;
  const onSubmit = submit(async (v) => {
    setTried(true);
    if (!def || !live) return;
    if (correcting && !v.reason.trim()) {
      form.setError('reason', { message: 'Skriv hvorfor målingen rettes.' }, { shouldFocus: true });
      return;
    }
    if (live.issues.size) {
      const first = firstItemIssue(live.issues, count);
      if (first !== null) document.getElementById(`item-${first}`)?.focus();
      else if (live.issues.has('interval')) form.setFocus('interval');
      return;
    }
    const fields = measurementFields(def, v, live.answers);
    if (correcting) await call('measurements:correct', { measurementId: correcting.id, reason: v.reason, ...fields });
    else await call('measurements:create', { familyId: family.id, personId: Number(v.personId), instrumentId: Number(v.instrumentId), ...fields });
    await queryClient.invalidateQueries({ queryKey: ['progression', family.id] });
    void queryClient.invalidateQueries({ queryKey: ['chart', family.id] });
    onClose();
  });
  const active = instruments.filter((i) => i.active || String(i.id) === instrumentId);
  const topIssue = tried && live ? (live.issues.get('items') ?? live.issues.get('interval')) : undefined;
  return (
    <Dialog title={correcting ? `Ret måling: ${correcting.instrument.name}` : 'Ny måling'} onClose={onClose} wide initialFocusId={correcting ? 'm-date' : preset ? 'item-0' : 'm-instrument'}>
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        {correcting && <p className="muted">Den oprindelige måling bevares. Rettelsen gemmes som en ny version med din begrundelse.</p>}
        <div className="row">
          <SelectField
            label="Måleredskab"
            id="m-instrument"
            required
            disabled={Boolean(correcting)}
            placeholder="Vælg …"
            options={active.map((i) => ({ value: i.id, label: `${i.definition.name} · ${instrumentSubjectLabels[i.definition.subject].toLowerCase()}` }))}
            {...form.register('instrumentId', {
              onChange: (event: { target: { value: string } }) => {
                // The item fields follow the instrument at once (not an effect later), so every field has its item;
                // and they start empty: an answer to one instrument's item 1 is no answer to another's.
                const next = instruments.find((i) => String(i.id) === event.target.value)?.definition;
                form.setValue('interval', '');
                form.setValue('items', next ? emptyItems(itemCountFor(next, null)) : []);
              },
            })}
            error={e.instrumentId?.message}
          />
          <SelectField
            label={def?.subject === 'child' ? 'Barn' : 'Forælder'}
            id="m-person"
            required
            disabled={Boolean(correcting) || !def}
            placeholder={def && persons.length === 0 ? 'Ingen i familien' : 'Vælg …'}
            options={persons.map((p) => ({ value: p.id, label: p.name }))}
            {...form.register('personId')}
            error={e.personId?.message}
          />
          <Field label="Dato" id="m-date" type="date" required max={today()} {...form.register('measuredOn')} error={e.measuredOn?.message} />
          {def?.intervals && (
            <SelectField
              label="Skema"
              id="m-interval"
              required
              placeholder="Vælg …"
              options={def.intervals.map((i) => ({ value: i.months, label: `${i.months}-måneders-skema` }))}
              {...form.register('interval', {
                // Another questionnaire asks other questions: its items start empty, whatever their number.
                onChange: (event: { target: { value: string } }) => form.setValue('items', emptyItems(itemCountFor(def, event.target.value ? Number(event.target.value) : null))),
              })}
              error={e.interval?.message ?? (tried ? live?.issues.get('interval') : undefined)}
            />
          )}
        </div>
        {def?.frequencyNote && <p className="muted small">{def.frequencyNote}</p>}
        {def && <RaterFields form={form} def={def} staff={staff} me={me} />}
        {def && (
          <>
            {topIssue && <Notice kind="error">{topIssue}</Notice>}
            <ItemFields def={def} count={count} form={form} issues={live?.issues ?? new Map()} showAll={tried} />
            {live && <LiveTotal def={def} live={live} />}
          </>
        )}
        <div className="field">
          <label htmlFor="m-note">Note</label>
          <textarea id="m-note" rows={2} {...form.register('note')} />
        </div>
        {correcting && (
          <div className="field">
            <label htmlFor="m-reason">
              Begrundelse for rettelsen<span className="req" aria-hidden="true">*</span>
            </label>
            <textarea id="m-reason" rows={2} aria-required aria-invalid={e.reason ? true : undefined} {...form.register('reason')} />
            {e.reason && (
              <span className="error" role="alert">
                {e.reason.message}
              </span>
            )}
          </div>
        )}
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            {correcting ? 'Gem rettelse' : 'Gem måling'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Annullér
          </button>
          <span className="muted small">Ctrl+Enter gemmer</span>
        </div>
      </form>
    </Dialog>
  );
}
