import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { call } from '../../app/api';
import { Notice } from '../../ui/Field';

/** Reminds administrators on every screen until the recovery code is confirmed as stored. */
export function RecoveryReminder() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings:get', {}) });
  // On the institution's server there is no recovery code (IT resets the first administrator there).
  const status = useQuery({ queryKey: ['status'], queryFn: () => call('app:status', {}), staleTime: Infinity });
  if (!settings.data || settings.data.recoveryConfirmed || !status.data || status.data.server) return null;
  return (
    <Notice kind="warn">
      Gendannelseskoden er ikke bekræftet som gemt. <Link href="/admin/indstillinger">Lav en ny gendannelseskode</Link>, og læg den i pengeskabet.
    </Notice>
  );
}
