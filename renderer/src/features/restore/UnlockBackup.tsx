import { useState } from 'react';
import { z } from 'zod';
import { backupKindLabel } from '../../../../common/backups';
import { channels } from '../../../../common/channels';
import { call } from '../../app/api';
import { Field, Notice } from '../../ui/Field';
import { formatDateTimeAt, formatMegabytes } from '../../ui/format';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';
import type { RestoreContents, RestorePreview } from './restoreTypes';

const [withPassword, withCode] = channels['restore:unlock'].input.options;
const passwordSchema = z.object({ loginName: withPassword.shape.loginName, password: withPassword.shape.password });
const codeSchema = z.object({ recoveryCode: withCode.shape.recoveryCode });

/** What the chosen backup is (from its manifest), shown before and after it is unlocked. */
export function PreviewFacts({ preview }: { preview: RestorePreview }) {
  return (
    <dl className="facts" data-testid="restore-preview">
      <dt>Institution</dt>
      <dd>{preview.institutionName}</dd>
      <dt>Taget</dt>
      <dd>{preview.createdAt ? formatDateTimeAt(preview.createdAt) : 'ukendt'}</dd>
      <dt>Type</dt>
      <dd>{backupKindLabel(preview.kind)}</dd>
      <dt>Størrelse</dt>
      <dd>{preview.bytes !== null ? formatMegabytes(preview.bytes) : 'ukendt'}</dd>
      <dt>Databaseversion</dt>
      <dd>{preview.schemaVersion ?? 'ukendt'}</dd>
    </dl>
  );
}

/**
 * Step 2: the backup's facts, and unlocking it with an administrator's login or the recovery code *of its time*
 * (a backup keeps the key file it was taken with). A backup from a newer Familiespor is refused here.
 */
export function UnlockBackup(props: { path: string; preview: RestorePreview; onUnlocked: (contents: RestoreContents) => void; onBack: () => void; onCancel: () => void }) {
  const [method, setMethod] = useState<'password' | 'code'>('password');
  const buttons = { onBack: props.onBack, onCancel: props.onCancel };
  const unlock = async (secret: { loginName: string; password: string } | { recoveryCode: string }) => props.onUnlocked(await call('restore:unlock', { path: props.path, ...secret }));
  return (
    <>
      <PreviewFacts preview={props.preview} />
      {props.preview.tooNew ? (
        <>
          <Notice kind="error">Sikkerhedskopien er lavet af en nyere version af Familiespor og kan ikke gendannes med denne version. Opdatér programmet først.</Notice>
          <div className="actions">
            <button type="button" onClick={props.onBack} autoFocus>
              Vælg en anden sikkerhedskopi
            </button>
            <button type="button" className="secondary" onClick={props.onCancel}>
              Annullér
            </button>
          </div>
        </>
      ) : (
        <section aria-label="Lås op" style={{ marginTop: '1.25rem' }}>
          <p className="muted small">Brug en administrators brugernavn og adgangskode, som de var, da kopien blev taget — eller gendannelseskoden fra dengang.</p>
          <fieldset className="group" style={{ marginTop: 0 }}>
            <legend className="sr-only">Lås op med</legend>
            <div className="radio-row">
              <label>
                <input type="radio" name="unlock-method" checked={method === 'password'} onChange={() => setMethod('password')} /> Med brugernavn og adgangskode
              </label>
              <label>
                <input type="radio" name="unlock-method" checked={method === 'code'} onChange={() => setMethod('code')} /> Med gendannelseskoden
              </label>
            </div>
          </fieldset>
          {method === 'password' ? <PasswordForm onUnlock={unlock} {...buttons} /> : <CodeForm onUnlock={unlock} {...buttons} />}
        </section>
      )}
    </>
  );
}

type FormProps<T> = { onUnlock: (secret: T) => Promise<void>; onBack: () => void; onCancel: () => void };

function PasswordForm({ onUnlock, ...buttons }: FormProps<{ loginName: string; password: string }>) {
  const { form, formError, submit } = useZodForm(passwordSchema, { loginName: '', password: '' }, { validateOnBlur: false });
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => {
    try {
      await onUnlock(v);
    } catch (err) {
      form.setValue('password', '');
      form.setFocus('password');
      throw err;
    }
  });
  return (
    <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate style={{ marginTop: '1rem' }}>
      {formError && <Notice kind="error">{formError}</Notice>}
      <div className="row">
        <Field label="Brugernavn" required autoFocus autoComplete="off" spellCheck={false} {...form.register('loginName')} error={e.loginName?.message} />
        <Field label="Adgangskode" type="password" required autoComplete="off" {...form.register('password')} error={e.password?.message} />
      </div>
      <UnlockButtons busy={form.formState.isSubmitting} {...buttons} />
    </form>
  );
}

function CodeForm({ onUnlock, ...buttons }: FormProps<{ recoveryCode: string }>) {
  const { form, formError, submit } = useZodForm(codeSchema, { recoveryCode: '' }, { validateOnBlur: false });
  const onSubmit = submit(onUnlock);
  return (
    <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate style={{ marginTop: '1rem' }}>
      {formError && <Notice kind="error">{formError}</Notice>}
      <Field
        label="Gendannelseskode"
        required
        autoFocus
        autoComplete="off"
        spellCheck={false}
        hint="Koden fra pengeskabet: fem grupper af fem tegn."
        {...form.register('recoveryCode')}
        error={form.formState.errors.recoveryCode?.message}
      />
      <UnlockButtons busy={form.formState.isSubmitting} {...buttons} />
    </form>
  );
}

function UnlockButtons({ busy, onBack, onCancel }: { busy: boolean; onBack: () => void; onCancel: () => void }) {
  return (
    <div className="actions">
      <button type="submit" disabled={busy}>
        {busy ? 'Låser op …' : 'Lås op'}
      </button>
      <button type="button" className="secondary" onClick={onBack}>
        Tilbage
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        Annullér
      </button>
    </div>
  );
}
