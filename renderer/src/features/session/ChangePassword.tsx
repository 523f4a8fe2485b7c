import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { passwordProblem, PASSWORD_MIN_LENGTH } from '../../../../common/password';
import { passwordSchema, type SessionUser } from '../../../../common/users';
import { call } from '../../app/api';
import { CardScreen } from '../../ui/CardScreen';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { Field, Notice } from '../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';

export function ChangePasswordForm({ user, onDone }: { user: SessionUser; onDone: () => void }) {
  const schema = z
    .object({ currentPassword: z.string().min(1, 'Skriv din nuværende adgangskode.'), newPassword: passwordSchema, repeat: z.string() })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v.newPassword, user.loginName);
      if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem });
      if (v.newPassword !== v.repeat) ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'De to adgangskoder er ikke ens.' });
    });
  const { form, formError, submit, attempt } = useZodForm(schema, { currentPassword: '', newPassword: '', repeat: '' });
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => {
    await call('session:changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword });
    form.reset();
    onDone();
  });
  return (
    <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
      <FormErrorSummary errors={form.formState.errors} formError={formError} attempt={attempt} />
      <Field label="Nuværende adgangskode" type="password" autoComplete="current-password" required autoFocus {...form.register('currentPassword')} error={e.currentPassword?.message} />
      <div className="row">
        <Field
          label="Ny adgangskode"
          type="password"
          autoComplete="new-password"
          required
          hint={`Mindst ${PASSWORD_MIN_LENGTH} tegn.`}
          {...form.register('newPassword')}
          error={e.newPassword?.message}
        />
        <Field label="Gentag ny adgangskode" type="password" autoComplete="new-password" required {...form.register('repeat')} error={e.repeat?.message} />
      </div>
      <div className="actions">
        <button type="submit" disabled={form.formState.isSubmitting}>
          Skift adgangskode
        </button>
      </div>
    </form>
  );
}

/** Full-screen variant for a user who must choose a new password before anything else. */
export function ChangePasswordScreen({ user, onDone }: { user: SessionUser; forced: true; onDone: () => void }) {
  const queryClient = useQueryClient();
  return (
    <CardScreen>
      <h1>Vælg din egen adgangskode</h1>
      <Notice kind="info">Hej {user.name}. Du er logget ind med en midlertidig adgangskode. Vælg en ny, som kun du kender, før du fortsætter.</Notice>
      <ChangePasswordForm
        user={user}
        onDone={() => {
          void queryClient.invalidateQueries({ queryKey: ['status'] });
          onDone();
        }}
      />
      <div className="actions">
        <button type="button" className="link" onClick={() => void call('session:logout', {}).finally(onDone)}>
          Log ud
        </button>
      </div>
    </CardScreen>
  );
}
