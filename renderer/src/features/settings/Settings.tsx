import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { channels, type Settings } from '../../../../common/channels';
import { call, errorText } from '../../app/api';
import { Dialog } from '../../ui/Dialog';
import { Field, Notice } from '../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';
import { CategoriesPanel } from './Categories';
import { RecoveryCodeScreen } from '../session/RecoveryCode';

const shape = channels['settings:update'].input.shape;
const schema = z.object({ institutionName: shape.institutionName, idleLockMinutes: z.coerce.number<string>().pipe(shape.idleLockMinutes) });

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

function RecoveryPanel() {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => call('recovery:regenerate', {}),
    onSuccess: (r) => {
      setConfirming(false);
      setCode(r.recoveryCode);
      void queryClient.invalidateQueries({ queryKey: ['settings'] });
    },
  });
  if (code)
    return (
      <RecoveryCodeScreen
        embedded
        code={code}
        onConfirmed={() => {
          setCode(null);
          void queryClient.invalidateQueries({ queryKey: ['settings'] });
        }}
      />
    );
  return (
    <div className="panel">
      <h2 style={{ marginTop: 0 }}>Gendannelseskode</h2>
      <p>Gendannelseskoden åbner dataene, hvis alle administratorer har glemt deres adgangskode. Lav en ny, hvis den gamle er væk eller kan være set af andre.</p>
      <button type="button" className="secondary" onClick={() => setConfirming(true)}>
        Lav ny gendannelseskode
      </button>
      {confirming && (
        <Dialog title="Lav ny gendannelseskode?" onClose={() => setConfirming(false)}>
          <p>Den gamle gendannelseskode holder op med at virke med det samme. Den nye vises én gang og skal i pengeskabet.</p>
          {mutation.isError && <Notice kind="error">{errorText(mutation.error)}</Notice>}
          <div className="actions">
            <button type="button" onClick={() => mutation.mutate()} disabled={mutation.isPending} autoFocus>
              Lav ny kode
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Annullér
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
