import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { channels, type Settings } from '../../../../common/channels';
import { call, errorText } from '../../app/api';
import { Field, Notice } from '../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';
import { CategoriesPanel } from './Categories';
import { RecoveryPanel } from './RecoveryPanel';

const shape = channels['settings:update'].input.shape;
const schema = z.object({ institutionName: shape.institutionName, idleLockMinutes: z.coerce.number<string>().pipe(shape.idleLockMinutes) });

/** Administration → Indstillinger: institution name and idle lock, the journal categories, the recovery code. */
export function SettingsPage() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings:get', {}) });
  return (
    <>
      <h1>Indstillinger</h1>
      {settings.isError && <Notice kind="error">{errorText(settings.error)}</Notice>}
      {settings.data && <SettingsForm settings={settings.data} />}
      <CategoriesPanel />
      <RecoveryPanel />
    </>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const { form, formError, submit } = useZodForm(schema, { institutionName: settings.institutionName, idleLockMinutes: String(settings.idleLockMinutes) });
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
      {formError && <Notice kind="error">{formError}</Notice>}
      <Field label="Institutionens navn" required {...form.register('institutionName')} error={e.institutionName?.message} />
      <Field
        label="Lås efter inaktivitet (minutter)"
        type="number"
        min={1}
        max={120}
        required
        hint="Familiespor låser og viser log ind, når ingen har rørt tastatur eller mus i så lang tid. Standard er 10 minutter."
        {...form.register('idleLockMinutes')}
        error={e.idleLockMinutes?.message}
      />
      <div className="actions">
        <button type="submit" disabled={form.formState.isSubmitting}>
          Gem indstillinger
        </button>
      </div>
    </form>
  );
}
