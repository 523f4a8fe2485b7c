import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { channels } from '../../../../common/channels';
import { passwordProblem } from '../../../../common/password';
import { roleLabels, roles } from '../../../../common/roles';
import { passwordSchema, type User } from '../../../../common/users';
import { call, errorText } from '../../app/api';
import { Dialog } from '../../ui/Dialog';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { Field, Notice } from '../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';
import { labelOptions, SelectField } from '../../ui/SelectField';

// The administrator's dialogs on the users screen: create, edit, temporary password (reset or reactivate), deactivate.

const create = channels['users:create'].input.shape;

function RoleSelect(props: React.SelectHTMLAttributes<HTMLSelectElement> & { error?: string; ref?: React.Ref<HTMLSelectElement> }) {
  return <SelectField label="Rolle" options={labelOptions(roles, roleLabels)} {...props} />;
}

function temporaryPasswordSchema<T extends z.ZodRawShape>(shape: T, loginName: (v: Record<string, unknown>) => string) {
  return z.object({ ...shape, temporaryPassword: passwordSchema }).superRefine((v, ctx) => {
    const values = v as Record<string, unknown>;
    const problem = passwordProblem(String(values.temporaryPassword ?? ""), loginName(values));
    if (problem) ctx.addIssue({ code: 'custom', path: ['temporaryPassword'], message: problem });
  });
}

export function CreateUserDialog({ onClose, onDone }: { onClose: () => void; onDone: (u: User) => void }) {
  const schema = temporaryPasswordSchema({ name: create.name, initials: create.initials, loginName: create.loginName, role: create.role }, (v) => String(v.loginName ?? ''));
  const { form, formError, submit, attempt } = useZodForm(schema, { name: '', initials: '', loginName: '', role: 'staff', temporaryPassword: '' });
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => onDone(await call('users:create', v as never)));
  return (
    <Dialog title="Opret bruger" onClose={onClose}>
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        <FormErrorSummary errors={form.formState.errors} formError={formError} attempt={attempt} />
        <div className="row">
          <Field label="Fulde navn" required autoFocus {...form.register('name')} error={e.name?.message} />
          <Field label="Initialer" required {...form.register('initials')} error={e.initials?.message} />
        </div>
        <Field label="Brugernavn" required spellCheck={false} autoComplete="off" {...form.register('loginName')} error={e.loginName?.message} />
        <RoleSelect id="create-role" {...form.register('role')} error={e.role?.message} />
        <Field
          label="Midlertidig adgangskode"
          required
          autoComplete="off"
          hint="Brugeren skal vælge sin egen adgangskode første gang, de logger ind."
          {...form.register('temporaryPassword')}
          error={e.temporaryPassword?.message}
        />
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            Opret bruger
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Annullér
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function EditUserDialog({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: (u: User) => void }) {
  const shape = channels['users:update'].input.shape;
  const schema = z.object({ name: shape.name, initials: shape.initials, role: shape.role });
  const { form, formError, submit, attempt } = useZodForm(schema, { name: user.name, initials: user.initials, role: user.role });
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => onDone(await call('users:update', { userId: user.id, ...v })));
  return (
    <Dialog title={`Redigér ${user.name}`} onClose={onClose}>
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        <FormErrorSummary errors={form.formState.errors} formError={formError} attempt={attempt} />
        <div className="row">
          <Field label="Fulde navn" required autoFocus {...form.register('name')} error={e.name?.message} />
          <Field label="Initialer" required {...form.register('initials')} error={e.initials?.message} />
        </div>
        <RoleSelect id="edit-role" {...form.register('role')} error={e.role?.message} />
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            Gem
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Annullér
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function TemporaryPasswordDialog({ user, kind, onClose, onDone }: { user: User; kind: 'reset' | 'activate'; onClose: () => void; onDone: (u: User) => void }) {
  const schema = temporaryPasswordSchema({}, () => user.loginName);
  const { form, formError, submit, attempt } = useZodForm(schema, { temporaryPassword: '' });
  const onSubmit = submit(async (v) => {
    const input = { userId: user.id, temporaryPassword: v.temporaryPassword as string };
    onDone(kind === 'reset' ? await call('users:resetPassword', input) : await call('users:activate', input));
  });
  return (
    <Dialog title={kind === 'reset' ? `Nulstil adgangskode for ${user.name}` : `Genaktivér ${user.name}`} onClose={onClose}>
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        <p>Den gamle adgangskode holder op med at virke med det samme. {user.name} skal vælge en ny ved næste login.</p>
        <FormErrorSummary errors={form.formState.errors} formError={formError} attempt={attempt} />
        <Field label="Midlertidig adgangskode" required autoFocus autoComplete="off" {...form.register('temporaryPassword')} error={form.formState.errors.temporaryPassword?.message} />
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            {kind === 'reset' ? 'Nulstil' : 'Genaktivér'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Annullér
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function DeactivateDialog({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: (u: User) => void }) {
  const mutation = useMutation({ mutationFn: () => call('users:deactivate', { userId: user.id }), onSuccess: onDone });
  return (
    <Dialog title={`Deaktivér ${user.name}?`} onClose={onClose}>
      <p>
        {user.name} kan ikke længere logge ind. Alt, hvad {user.name} har skrevet, bliver stående med navn. Du kan genaktivere brugeren senere med en ny midlertidig
        adgangskode.
      </p>
      {mutation.isError && <Notice kind="error">{errorText(mutation.error)}</Notice>}
      <div className="actions">
        <button type="button" className="danger" onClick={() => mutation.mutate()} disabled={mutation.isPending} autoFocus>
          Deaktivér
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Annullér
        </button>
      </div>
    </Dialog>
  );
}
