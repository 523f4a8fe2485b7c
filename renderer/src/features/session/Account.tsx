import { useState } from 'react';
import type { SessionUser } from '../../../../common/users';
import { Notice } from '../../ui/Field';
import { ChangePasswordForm } from './ChangePassword';

/** "Min konto": who is logged in, and changing one's own password. */
export function AccountPage({ user }: { user: SessionUser }) {
  const [done, setDone] = useState(false);
  return (
    <>
      <h1>Min konto</h1>
      <div className="panel">
        <p>
          <strong>{user.name}</strong> ({user.initials}) · brugernavn <strong>{user.loginName}</strong>
        </p>
        <h2>Skift adgangskode</h2>
        {done && <Notice kind="ok">Din adgangskode er skiftet.</Notice>}
        <ChangePasswordForm user={user} onDone={() => setDone(true)} />
      </div>
    </>
  );
}
