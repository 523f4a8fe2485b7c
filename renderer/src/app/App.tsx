import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { call, onEvent, onSessionLost } from './api';
import { CardScreen } from '../ui/CardScreen';
import { Notice } from '../ui/Field';
import { ChangePasswordScreen } from '../features/session/ChangePassword';
import { KeyFileDamagedScreen } from '../features/session/KeyFileDamaged';
import { LoginScreen, type LockReason } from '../features/session/Login';
import { RecoveryCodeScreen } from '../features/session/RecoveryCode';
import { RecoveryScreen } from '../features/session/Recovery';
import { DatabaseDamagedScreen } from '../features/restore/DatabaseDamaged';
import { RestoreScreen } from '../features/restore/RestoreScreen';
import { ServerSetupScreen } from '../features/server/ServerSetup';
import { SetupScreen } from '../features/session/Setup';
import { Shell } from './Shell';

export function App() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: ['status'], queryFn: () => call('app:status', {}), staleTime: Infinity });
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const [lockReason, setLockReason] = useState<LockReason>(null);
  const [mode, setMode] = useState<'login' | 'recovery'>('login');
  // "Gendan fra sikkerhedskopi" (from login, setup or a damaged database), and the damaged database's message.
  const [restore, setRestore] = useState<{ path?: string } | null>(null);
  const [damaged, setDamaged] = useState<string | null>(null);
  const [serverSetup, setServerSetup] = useState(false);
  // After a lock, the same person usually comes back: their login name is filled in, the cursor waits in the password.
  const [lastLogin, setLastLogin] = useState<string | null>(null);
  const currentLogin = status.data?.session?.loginName ?? null;
  useEffect(() => {
    if (currentLogin) setLastLogin(currentLogin);
  }, [currentLogin]);

  useEffect(() => {
    const resetToLogin = () => {
      setRecoveryCode(null);
      // Drop every cached answer: nothing from the last session stays in memory.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'status' });
      void queryClient.invalidateQueries({ queryKey: ['status'] });
    };
    const offLocked = onEvent('session:locked', (payload) => {
      setLockReason(payload.reason);
      resetToLogin();
    });
    const offLost = onSessionLost(() => resetToLogin());
    return () => {
      offLocked();
      offLost();
    };
  }, [queryClient]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['status'] });

  if (status.isPending) return <main className="center-screen muted">Åbner Familiespor …</main>;
  if (status.isError)
    return (
      <CardScreen>
        <h1>Familiespor kan ikke åbne</h1>
        <Notice kind="error">Familiespor kunne ikke kontakte sin database. Luk programmet, og åbn det igen.</Notice>
      </CardScreen>
    );

  const { setupDone, session, institutionName, keyFileDamaged } = status.data;
  if (restore && !session) {
    return (
      <RestoreScreen
        initialPath={restore.path}
        onCancel={() => setRestore(null)}
        onDone={() => {
          setRestore(null);
          setDamaged(null);
          void refresh();
        }}
      />
    );
  }
  // No login form: no password can open the database until the key file is restored.
  if (keyFileDamaged && !session) return <KeyFileDamagedScreen onRestore={() => setRestore({})} />;
  if (damaged && !session) return <DatabaseDamagedScreen message={damaged} onRestore={(path) => setRestore({ path })} onBack={() => setDamaged(null)} />;
  if (!setupDone) {
    if (serverSetup) return <ServerSetupScreen onBack={() => setServerSetup(false)} onDone={() => void refresh()} />;
    return (
      <SetupScreen
        onRestore={() => setRestore({})}
        onServer={() => setServerSetup(true)}
        onDone={(code) => {
          setRecoveryCode(code);
          void refresh();
        }}
      />
    );
  }
  if (!session) {
    if (mode === 'recovery') {
      return (
        <RecoveryScreen
          onCancel={() => {
            // Ends a started recovery: the database closes again.
            void call('session:logout', {}).finally(() => setMode('login'));
          }}
          onDone={(code) => {
            setRecoveryCode(code);
            setMode('login');
            void refresh();
          }}
        />
      );
    }
    return (
      <LoginScreen
        institutionName={institutionName}
        server={status.data.server}
        lockReason={lockReason}
        lastLogin={lockReason === 'idle' || lockReason === 'manual' ? lastLogin : null}
        onRecovery={() => setMode('recovery')}
        onRestore={() => setRestore({})}
        onDamaged={setDamaged}
        onDone={() => {
          setLockReason(null);
          void refresh();
        }}
      />
    );
  }
  if (recoveryCode) return <RecoveryCodeScreen code={recoveryCode} onConfirmed={() => setRecoveryCode(null)} />;
  if (session.mustChangePassword) return <ChangePasswordScreen forced user={session} onDone={() => void refresh()} />;
  return <Shell user={session} institutionName={institutionName ?? ''} />;
}
