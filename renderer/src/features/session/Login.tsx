import { useState } from 'react';
import { z } from 'zod';
import { ApiError, call } from '../../app/api';
import { CardScreen } from '../../ui/CardScreen';
import { Field, Notice } from '../../ui/Field';
import { DataFolderNotice } from './DataFolderNotice';
import { useZodForm } from '../../ui/forms';
import { ServerUpgrade } from '../server/ServerUpgrade';

const schema = z.object({
  loginName: z.string().trim().min(1, 'Skriv dit brugernavn.'),
  password: z.string().min(1, 'Skriv din adgangskode.'),
});

/** Why the login screen is showing: the backend locked (idle, Ctrl+L), the person logged out, or a fresh start (null). */
export type LockReason = 'idle' | 'manual' | 'logout' | 'damaged' | null;

const lockMessages: Record<Exclude<LockReason, null>, string> = {
  idle: 'Familiespor blev låst, fordi der ikke var aktivitet i et stykke tid. Log ind igen for at fortsætte.',
  manual: 'Familiespor er låst.',
  logout: 'Du er logget ud.',
  damaged: 'Familiespor fandt en fejl i databasen og har lukket den, så intet mere skrives i den. Log ind igen for at se, hvad du kan gøre.',
};

export function LoginScreen(props: {
  institutionName: string | null;
  /** The institution's server this workstation uses; null: this computer's own encrypted file. */
  server: { host: string; database: string } | null;
  lockReason: LockReason;
  lastLogin?: string | null;
  onDone: () => void;
  onRecovery: () => void;
  onRestore: () => void;
  onDamaged: (message: string) => void;
}) {
  const { form, formError, submit } = useZodForm(schema, { loginName: props.lastLogin ?? '', password: '' }, { validateOnBlur: false });
  const [showHelp, setShowHelp] = useState(false);
  const [serverOutdated, setServerOutdated] = useState(false);
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => {
    try {
      await call('session:login', v);
    } catch (err) {
      // The server's database is older than this program: IT can bring it up to date from here.
      setServerOutdated(err instanceof ApiError && err.code === 'server_outdated');
      // The database itself cannot be opened: its own screen says what happened and offers the newest good backup.
      if (err instanceof ApiError && err.code === 'db_damaged') {
        props.onDamaged(err.message);
        return;
      }
      form.setValue('password', '');
      form.setFocus('password');
      throw err;
    }
    props.onDone();
  });

  return (
    <CardScreen>
      <h1>{props.institutionName ?? 'Log ind'}</h1>
      {props.lockReason && !formError && <Notice kind="info">{lockMessages[props.lockReason]}</Notice>}
      {formError && <Notice kind="error">{formError}</Notice>}
      <DataFolderNotice />
      <form onSubmit={onSubmit} noValidate>
        <Field label="Brugernavn" autoFocus={!props.lastLogin} autoComplete="username" spellCheck={false} {...form.register('loginName')} error={e.loginName?.message} />
        <Field label="Adgangskode" type="password" autoFocus={Boolean(props.lastLogin)} autoComplete="current-password" {...form.register('password')} error={e.password?.message} />
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Logger ind …' : 'Log ind'}
          </button>
          <button type="button" className="link" onClick={() => setShowHelp((s) => !s)} aria-expanded={showHelp}>
            Glemt adgangskode?
          </button>
        </div>
      </form>
      {showHelp && (
        <div className="notice info" style={{ marginTop: '1.25rem' }}>
          <p>Bed en administrator om at nulstille din adgangskode. Du vælger selv en ny, næste gang du logger ind.</p>
          {props.server ? (
            <p>Har alle administratorer glemt deres adgangskode, kan jeres IT-ansvarlige give den første administrator en ny på serveren.</p>
          ) : (
            <>
              <p>Har alle administratorer glemt deres adgangskode, kan I bruge institutionens gendannelseskode fra pengeskabet.</p>
              <button type="button" className="secondary" onClick={props.onRecovery}>
                Brug gendannelseskoden
              </button>
            </>
          )}
        </div>
      )}
      {props.server && serverOutdated && <ServerUpgrade database={props.server.database} />}
      {props.server ? (
        <p className="small muted" style={{ marginTop: '1.25rem', marginBottom: 0 }} data-testid="login-server">
          Institutionens server: {props.server.host} · {props.server.database}
        </p>
      ) : (
        <p className="small" style={{ marginTop: '1.25rem', marginBottom: 0 }}>
          <button type="button" className="link" onClick={props.onRestore}>
            Gendan fra sikkerhedskopi
          </button>
        </p>
      )}
    </CardScreen>
  );
}
