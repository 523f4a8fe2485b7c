import { useState } from 'react';
import { z } from 'zod';
import { channels } from '../../../../common/channels';
import { passwordSchema } from '../../../../common/users';
import { passwordProblem, PASSWORD_MIN_LENGTH } from '../../../../common/password';
import { call } from '../../app/api';
import { CardScreen } from '../../ui/CardScreen';
import { FormErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { ctrlEnterSubmits, useZodForm } from '../../ui/forms';
import { DataFolderChoice } from './DataFolderChoice';

const admin = channels['setup:create'].input.shape.admin.shape;
const schema = z
  .object({
    institutionName: channels['setup:create'].input.shape.institutionName,
    name: admin.name,
    initials: admin.initials,
    loginName: admin.loginName,
    password: passwordSchema,
    passwordRepeat: z.string(),
    /** Only sent when "Vælg en anden mappe" is open; the backend checks it (setup:checkFolder's rule). */
    dataFolder: z.string(),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.loginName);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    if (v.password !== v.passwordRepeat) ctx.addIssue({ code: 'custom', path: ['passwordRepeat'], message: 'De to adgangskoder er ikke ens.' });
  });

export function SetupScreen({ onDone, onRestore, onServer }: { onDone: (recoveryCode: string) => void; onRestore: () => void; onServer: () => void }) {
  const { form, formError, submit, attempt } = useZodForm(schema, {
    institutionName: '',
    name: '',
    initials: '',
    loginName: '',
    password: '',
    passwordRepeat: '',
    dataFolder: '',
  });
  const [choosingFolder, setChoosingFolder] = useState(false);
  const { register, formState } = form;
  const e = formState.errors;

  const onSubmit = submit(async (v) => {
    const result = await call('setup:create', {
      institutionName: v.institutionName,
      admin: { name: v.name, initials: v.initials, loginName: v.loginName, password: v.password },
      ...(choosingFolder ? { dataFolder: v.dataFolder } : {}),
    });
    onDone(result.recoveryCode);
  });

  return (
    <CardScreen wide>
      <h1>Velkommen – lad os sætte Familiespor op</h1>
      <p className="muted">
        Alle oplysninger gemmes krypteret på denne computer. Du bliver den første administrator og kan derefter oprette dine kolleger.
      </p>
      <div className="notice info">
        <p>Har institutionen brugt Familiespor på en anden computer? Så hent dataene fra en sikkerhedskopi i stedet for at oprette en ny institution.</p>
        <button type="button" className="secondary" onClick={onRestore}>
          Gendan fra sikkerhedskopi
        </button>
      </div>
      <div className="notice info">
        <p>Har institutionen en fælles server til Familiespor, som IT har sat op? Så forbind til den i stedet — dataene ligger da på serveren, ikke på denne computer.</p>
        <button type="button" className="secondary" onClick={onServer}>
          Institutionens server
        </button>
      </div>
      <FormErrorSummary errors={form.formState.errors} formError={formError} attempt={attempt} />
      <form onSubmit={onSubmit} onKeyDown={ctrlEnterSubmits} noValidate>
        <h2>Institutionen</h2>
        <Field label="Institutionens navn" required autoFocus autoComplete="organization" {...register('institutionName')} error={e.institutionName?.message} />
        <h2>Første administrator</h2>
        <div className="row">
          <Field label="Fulde navn" required autoComplete="name" {...register('name')} error={e.name?.message} />
          <Field label="Initialer" required {...register('initials')} error={e.initials?.message} />
        </div>
        <Field label="Brugernavn" required autoComplete="username" hint="Det navn, du logger ind med." {...register('loginName')} error={e.loginName?.message} />
        <div className="row">
          <Field
            label="Adgangskode"
            type="password"
            required
            autoComplete="new-password"
            hint={`Mindst ${PASSWORD_MIN_LENGTH} tegn. En sætning på flere ord er let at huske og svær at gætte.`}
            {...register('password')}
            error={e.password?.message}
          />
          <Field label="Gentag adgangskode" type="password" required autoComplete="new-password" {...register('passwordRepeat')} error={e.passwordRepeat?.message} />
        </div>
        <DataFolderChoice form={form as unknown as Parameters<typeof DataFolderChoice>[0]['form']} choosing={choosingFolder} onChoosing={setChoosingFolder} />
        <div className="actions">
          <button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Opretter …' : 'Opret og fortsæt'}
          </button>
          <span className="muted small">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> gemmer
          </span>
        </div>
      </form>
    </CardScreen>
  );
}
