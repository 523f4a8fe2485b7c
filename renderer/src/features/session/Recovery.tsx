import { useState } from 'react';
import { z } from 'zod';
import { passwordSchema } from '../../../../common/users';
import { passwordProblem } from '../../../../common/password';
import { call } from '../../app/api';
import { CardScreen } from '../../ui/CardScreen';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { Field, Notice } from '../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';

const codeSchema = z.object({ recoveryCode: z.string().trim().min(20, 'Skriv hele gendannelseskoden.') });

type Admin = { id: number; name: string; loginName: string };

/** "Glemt alt": the recovery code unlocks the data, then an administrator gets a new password. */
export function RecoveryScreen({ onDone, onCancel }: { onDone: (newRecoveryCode: string) => void; onCancel: () => void }) {
  const [admins, setAdmins] = useState<Admin[] | null>(null);
  return (
    <CardScreen wide>
      <h1>Gendan adgang</h1>
      {admins === null ? <CodeStep onUnlocked={setAdmins} onCancel={onCancel} /> : <PasswordStep admins={admins} onDone={onDone} onCancel={onCancel} />}
    </CardScreen>
  );
}

function CodeStep({ onUnlocked, onCancel }: { onUnlocked: (admins: Admin[]) => void; onCancel: () => void }) {
  const { form, formError, submit, attempt } = useZodForm(codeSchema, { recoveryCode: '' });
  const onSubmit = submit(async (v) => {
    const result = await call('recovery:start', v);
    onUnlocked(result.admins);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>Skriv gendannelseskoden fra pengeskabet. Store og små bogstaver er ligegyldige, og bindestregerne kan udelades.</p>
      <FormErrorSummary errors={form.formState.errors} formError={formError} attempt={attempt} />
      <Field label="Gendannelseskode" autoFocus autoComplete="off" spellCheck={false} {...form.register('recoveryCode')} error={form.formState.errors.recoveryCode?.message} />
      <div className="actions">
        <button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Kontrollerer …' : 'Fortsæt'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Tilbage til log ind
        </button>
      </div>
    </form>
  );
}

function PasswordStep({ admins, onDone, onCancel }: { admins: Admin[]; onDone: (code: string) => void; onCancel: () => void }) {
  const schema = z
    .object({ userId: z.string().min(1, 'Vælg en administrator.'), newPassword: passwordSchema, repeat: z.string() })
    .superRefine((v, ctx) => {
      const admin = admins.find((a) => String(a.id) === v.userId);
      const problem = passwordProblem(v.newPassword, admin?.loginName);
      if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem });
      if (v.newPassword !== v.repeat) ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'De to adgangskoder er ikke ens.' });
    });
  const { form, formError, submit, attempt } = useZodForm(schema, { userId: admins.length === 1 && admins[0] ? String(admins[0].id) : '', newPassword: '', repeat: '' });
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => {
    const result = await call('recovery:complete', { userId: Number(v.userId), newPassword: v.newPassword });
    onDone(result.recoveryCode);
  });
  return (
    <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
      <Notice kind="ok">Koden er godkendt. Vælg den administrator, der skal have en ny adgangskode.</Notice>
      <FormErrorSummary errors={form.formState.errors} formError={formError} attempt={attempt} />
      <div className="field">
        <label htmlFor="recovery-admin">Administrator</label>
        <select id="recovery-admin" {...form.register('userId')} aria-invalid={e.userId ? true : undefined}>
          <option value="">Vælg …</option>
          {admins.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.loginName})
            </option>
          ))}
        </select>
        {e.userId && <span className="error">{e.userId.message}</span>}
      </div>
      <div className="row">
        <Field label="Ny adgangskode" type="password" autoComplete="new-password" required {...form.register('newPassword')} error={e.newPassword?.message} />
        <Field label="Gentag ny adgangskode" type="password" autoComplete="new-password" required {...form.register('repeat')} error={e.repeat?.message} />
      </div>
      <p className="muted small">Den brugte gendannelseskode holder op med at virke. Du får vist en ny, som skal i pengeskabet.</p>
      <div className="actions">
        <button type="submit" disabled={form.formState.isSubmitting}>
          Gem ny adgangskode
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Afbryd
        </button>
      </div>
    </form>
  );
}
