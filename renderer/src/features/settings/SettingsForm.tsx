import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { channels, type Settings } from '../../../../common/channels';
import { call } from '../../app/api';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { Field, Notice } from '../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';

const shape = channels['settings:update'].input.shape;
/** Number fields give text; the channel's own rules (and Danish messages) check the number. */
const whole = (rule: z.ZodNumber) => z.coerce.number<string>().pipe(rule);
const schema = z.object({
  institutionName: shape.institutionName,
  idleLockMinutes: whole(shape.idleLockMinutes),
  needToKnow: z.boolean(),
  loginMaxFailures: whole(shape.loginMaxFailures.unwrap()),
  loginLockoutMinutes: whole(shape.loginLockoutMinutes.unwrap()),
  accessLogRetentionYears: whole(shape.accessLogRetentionYears.unwrap()),
  familyRetentionYears: whole(shape.familyRetentionYears.unwrap()),
});

/**
 * The institution's name, and the security settings: idle lock, need-to-know, lock-out after wrong passwords, how
 * long the access log and a closed family's forløb are kept.
 */
export function SettingsForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const { form, formError, submit, attempt } = useZodForm(schema, {
    institutionName: settings.institutionName,
    idleLockMinutes: String(settings.idleLockMinutes),
    needToKnow: settings.needToKnow,
    loginMaxFailures: String(settings.loginMaxFailures),
    loginLockoutMinutes: String(settings.loginLockoutMinutes),
    accessLogRetentionYears: String(settings.accessLogRetentionYears),
    familyRetentionYears: String(settings.familyRetentionYears),
  });
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => {
    const result = await call('settings:update', v);
    queryClient.setQueryData(['settings'], result);
    void queryClient.invalidateQueries({ queryKey: ['status'] });
    setSaved(true);
  });
  return (
    <form className="panel" onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} onChange={() => setSaved(false)} noValidate>
      <h2 style={{ marginTop: 0 }}>Institution og sikkerhed</h2>
      {saved && <Notice kind="ok">Indstillingerne er gemt.</Notice>}
      <FormErrorSummary errors={form.formState.errors} formError={formError} attempt={attempt} />
      <Field label="Institutionens navn" required {...form.register('institutionName')} error={e.institutionName?.message} />
      <Field
        label="Lås efter inaktivitet (minutter)"
        type="number"
        className="narrow"
        min={1}
        max={120}
        required
        hint="Familiespor låser og viser log ind, når ingen har rørt tastatur eller mus i så lang tid. Standard er 10 minutter."
        {...form.register('idleLockMinutes')}
        error={e.idleLockMinutes?.message}
      />
      <fieldset className="group">
        <legend>Adgang til familier</legend>
        <div className="field">
          <label className="check">
            <input type="checkbox" aria-describedby="need-to-know-hint" {...form.register('needToKnow')} /> Medarbejdere ser kun familier, hvis indsatsteam de er med i
          </label>
          <span className="hint" id="need-to-know-hint">
            Ledere og administratorer ser stadig alle familier. Er det akut, kan en medarbejder »bryde glasset« og åbne en anden familie med en begrundelse, som skrives i
            adgangsloggen, hvor lederen kan se den.
          </span>
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>Forkerte adgangskoder</legend>
        <Field
          label="Spær et brugernavn efter … forkerte adgangskoder"
          type="number"
          className="narrow"
          min={3}
          max={20}
          required
          hint="Inden for 15 minutter. Mellem 3 og 20. Kun det brugernavn spærres, ikke hele Familiespor."
          {...form.register('loginMaxFailures')}
          error={e.loginMaxFailures?.message}
        />
        <Field label="Spærretid (minutter)" type="number" className="narrow" min={1} max={240} required hint="Mellem 1 og 240 minutter." {...form.register('loginLockoutMinutes')} error={e.loginLockoutMinutes?.message} />
      </fieldset>
      <fieldset className="group">
        <legend>Adgangsloggen</legend>
        <Field
          label="Gem adgangsloggen i (år)"
          type="number"
          className="narrow"
          min={1}
          max={20}
          required
          hint="Rækker, der er ældre, slettes. Mellem 1 og 20 år."
          {...form.register('accessLogRetentionYears')}
          error={e.accessLogRetentionYears?.message}
        />
      </fieldset>
      <fieldset className="group">
        <legend>Afsluttede forløb</legend>
        <Field
          label="Opbevar et afsluttet forløb i (år)"
          type="number"
          className="narrow"
          min={1}
          max={30}
          required
          hint="Regnet fra forløbets afslutning. Derefter står familien under Sletning af forløb, hvor en administrator kan eksportere og slette den. Mellem 1 og 30 år."
          {...form.register('familyRetentionYears')}
          error={e.familyRetentionYears?.message}
        />
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={form.formState.isSubmitting}>
          Gem indstillinger
        </button>
      </div>
    </form>
  );
}
