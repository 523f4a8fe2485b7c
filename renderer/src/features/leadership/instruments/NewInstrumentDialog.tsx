import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { cutoffRuleLabels, cutoffRules, directionLabels, directions, instrumentSubjectLabels, instrumentSubjects, reporterLabels, reporters, type CutoffRule, type Instrument, type InstrumentDefinitionInput } from '../../../../../common/instruments';
import { call } from '../../../app/api';
import { Dialog } from '../../../ui/Dialog';
import { Field, Notice } from '../../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../../ui/forms';
import { labelOptions, SelectField } from '../../../ui/SelectField';

const number = (label: string) => z.string().trim().regex(/^-?\d+([.,]\d+)?$/, `${label}: skriv et tal.`);
const optionalWhole = (label: string) => z.string().trim().regex(/^(\d+)?$/, `${label}: skriv et helt tal, eller lad feltet stå tomt.`);
const schema = z
  .object({
    name: z.string().trim().min(1, 'Skriv et navn.').max(60, 'Højst 60 tegn.'),
    fullName: z.string().trim().max(200, 'Højst 200 tegn.'),
    subject: z.enum(instrumentSubjects, { error: 'Vælg hvem der vurderes.' }),
    reporter: z.enum(reporters),
    count: z.string().trim().regex(/^\d+$/, 'Antal punkter: skriv et helt tal.'),
    min: number('Laveste værdi'),
    max: number('Højeste værdi'),
    reverse: z.string().trim().regex(/^(\d+(\s*,\s*\d+)*)?$/, 'Skriv punkternes numre adskilt med komma, fx 1, 4, 7.'),
    direction: z.string(),
    rule: z.string(),
    value: z.string().trim(),
    label: z.string().trim().max(120, 'Højst 120 tegn.'),
    everyDays: optionalWhole('Hyppighed'),
    fromMonths: optionalWhole('Fra alder'),
    toMonths: optionalWhole('Til alder'),
  })
  .superRefine((v, ctx) => {
    if (v.rule && !/^-?\d+([.,]\d+)?$/.test(v.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'Skriv grænseværdien som et tal.' });
    if (v.rule && !v.direction) ctx.addIssue({ code: 'custom', path: ['direction'], message: 'Vælg retning, når der er en grænseværdi.' });
    if ((v.fromMonths === '') !== (v.toMonths === '')) ctx.addIssue({ code: 'custom', path: ['toMonths'], message: 'Udfyld både fra og til alder, eller ingen af dem.' });
  });

const num = (v: string) => Number(v.replace(',', '.'));

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * An institution-specific instrument, new or changed (a change is a new version; measurements keep theirs): items with
 * a range, reverse-scored items, a total with a cut-off, a cadence and, for a child, an age band.
 */
export function NewInstrumentDialog({ instrument, onClose }: { instrument?: Instrument; onClose: () => void }) {
  const queryClient = useQueryClient();
  const d = instrument?.definition;
  const { form, formError, submit } = useZodForm(schema, {
    name: d?.name ?? '',
    fullName: d?.fullName ?? '',
    subject: d?.subject ?? 'parent',
    reporter: d?.reporter ?? 'staff',
    count: text(d?.items.count),
    min: text(d?.items.min ?? 0),
    max: text(d?.items.max ?? 4),
    reverse: d?.items.reverse.join(', ') ?? '',
    direction: d?.direction ?? '',
    rule: d?.cutoff?.rule ?? '',
    value: text(d?.cutoff?.value),
    label: d?.cutoff?.label ?? '',
    everyDays: d?.schedule?.kind === 'every' ? String(d.schedule.everyDays) : '',
    fromMonths: text(d?.ageBand?.fromMonths),
    toMonths: text(d?.ageBand?.toMonths),
  });
  const e = form.formState.errors;
  const subject = form.watch('subject');
  const onSubmit = submit(async (v) => {
    const definition: InstrumentDefinitionInput = {
      ...d,
      name: v.name,
      fullName: v.fullName || undefined,
      subject: v.subject,
      reporter: v.reporter,
      ageBand: v.subject === 'child' && v.fromMonths !== '' ? { fromMonths: Number(v.fromMonths), toMonths: Number(v.toMonths) } : null,
      items: { ...d?.items, kind: 'score', count: Number(v.count), min: num(v.min), max: num(v.max), reverse: v.reverse ? v.reverse.split(',').map((s) => Number(s.trim())) : [] },
      scoring: 'sum',
      direction: v.direction ? (v.direction as (typeof directions)[number]) : null,
      cutoff: v.rule ? { rule: v.rule as CutoffRule, value: num(v.value), label: v.label || undefined } : null,
      schedule: v.everyDays ? { ...(d?.schedule?.kind === 'every' ? d.schedule : {}), kind: 'every', everyDays: Number(v.everyDays) } : null,
    };
    if (instrument) await call('instruments:update', { instrumentId: instrument.id, definition });
    else await call('instruments:create', { definition });
    await queryClient.invalidateQueries({ queryKey: ['instruments'] });
    onClose();
  });
  return (
    <Dialog title={instrument ? `Ret måleredskab: ${instrument.definition.name}` : 'Nyt måleredskab'} onClose={onClose} wide initialFocusId="in-name">
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <p className="muted">Gem kun tal og korte navne: spørgsmålenes ordlyd hører til i jeres manual.{instrument && ' Ændringen gemmes som en ny version; tidligere målinger beholder deres.'}</p>
        <div className="row">
          <Field label="Navn" id="in-name" required {...form.register('name')} error={e.name?.message} />
          <Field label="Fulde navn" id="in-full" {...form.register('fullName')} error={e.fullName?.message} />
        </div>
        <div className="row">
          <SelectField label="Hvem vurderes" id="in-subject" required options={labelOptions(instrumentSubjects, instrumentSubjectLabels)} {...form.register('subject')} error={e.subject?.message} />
          <SelectField label="Hvem udfylder" id="in-reporter" options={labelOptions(reporters, reporterLabels)} {...form.register('reporter')} />
        </div>
        <fieldset className="group">
          <legend>Punkter</legend>
          <div className="row">
            <Field label="Antal punkter" id="in-count" required inputMode="numeric" {...form.register('count')} error={e.count?.message} />
            <Field label="Laveste værdi" id="in-min" required inputMode="decimal" {...form.register('min')} error={e.min?.message} />
            <Field label="Højeste værdi" id="in-max" required inputMode="decimal" {...form.register('max')} error={e.max?.message} />
            <Field label="Omvendte punkter" id="in-reverse" hint="fx 1, 4, 7" {...form.register('reverse')} error={e.reverse?.message} />
          </div>
        </fieldset>
        <fieldset className="group">
          <legend>Total og grænseværdi</legend>
          <div className="row">
            <SelectField label="Retning" id="in-direction" placeholder="Ingen" options={labelOptions(directions, directionLabels)} {...form.register('direction')} error={e.direction?.message} />
            <SelectField label="Markér totalen når den er" id="in-rule" placeholder="Ingen grænseværdi" options={labelOptions(cutoffRules, cutoffRuleLabels)} {...form.register('rule')} />
            <Field label="Grænseværdi" id="in-value" inputMode="decimal" {...form.register('value')} error={e.value?.message} />
            <Field label="Betydning" id="in-label" {...form.register('label')} error={e.label?.message} />
          </div>
        </fieldset>
        <div className="row">
          <Field label="Måles hver (dage)" id="in-every" inputMode="numeric" hint="Tomt: ingen plan" {...form.register('everyDays')} error={e.everyDays?.message} />
          {subject === 'child' && <Field label="Fra alder (mdr.)" id="in-from" inputMode="numeric" {...form.register('fromMonths')} error={e.fromMonths?.message} />}
          {subject === 'child' && <Field label="Til alder (mdr.)" id="in-to" inputMode="numeric" {...form.register('toMonths')} error={e.toMonths?.message} />}
        </div>
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            {instrument ? 'Gem ny version' : 'Opret måleredskab'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Annullér
          </button>
        </div>
      </form>
    </Dialog>
  );
}
