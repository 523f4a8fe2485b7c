import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { roleLabels } from '../../../../common/roles';
import type { SessionUser, User } from '../../../../common/users';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { RekeyDialog } from '../keys/RekeyDialog';
import { CreateUserDialog, DeactivateDialog, EditUserDialog, TemporaryPasswordDialog } from './UserDialogs';

/** Administration → Brugere: every staff member has their own login, so the access log says who did what. */
export function UsersPage({ me }: { me: SessionUser }) {
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => call('users:list', {}) });
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit' | 'reset' | 'activate' | 'deactivate'; user: User } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // After a deactivation: the name of the user who left, to offer a new database key.
  const [leaver, setLeaver] = useState<string | null>(null);
  const [rekeying, setRekeying] = useState(false);
  const done = (text: string, deactivated: string | null = null) => {
    setDialog(null);
    setMessage(text);
    setLeaver(deactivated);
    void queryClient.invalidateQueries({ queryKey: ['users'] });
  };

  return (
    <>
      <h1>Brugere</h1>
      <p className="muted">Hver medarbejder har sit eget login, så adgangsloggen viser, hvem der har læst og skrevet hvad.</p>
      {message && <Notice kind="ok">{message}</Notice>}
      {leaver && (
        <Notice kind="info">
          <p>
            Er {leaver} stoppet i uenighed, så skift databasens nøgle: så kan en kopi af nøglefilen eller en adgangskode, som {leaver} har taget med, ikke længere åbne
            databasen.
          </p>
          <button type="button" className="secondary" onClick={() => setRekeying(true)}>
            Skift databasens nøgle
          </button>
        </Notice>
      )}
      {rekeying && (
        <RekeyDialog
          onClose={() => setRekeying(false)}
          onRekeyed={() => {
            setLeaver(null);
            setMessage('Databasens nøgle er skiftet.');
          }}
        />
      )}
      <div className="actions" style={{ marginTop: 0, marginBottom: '1rem' }}>
        <button type="button" onClick={() => setDialog({ kind: 'create' })}>
          Opret bruger
        </button>
      </div>
      {users.isError && <Notice kind="error">{errorText(users.error)}</Notice>}
      {users.data && (
        <table className="list">
          <thead>
            <tr>
              <th>Navn</th>
              <th>Initialer</th>
              <th>Brugernavn</th>
              <th>Rolle</th>
              <th>Status</th>
              <th>
                <span className="sr-only">Handlinger</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id} className={u.active ? undefined : 'inactive'}>
                <td>{u.name}</td>
                <td>{u.initials}</td>
                <td>{u.loginName}</td>
                <td>{roleLabels[u.role]}</td>
                <td>
                  {u.active ? (u.mustChangePassword ? <span className="badge warn">Skal skifte adgangskode</span> : 'Aktiv') : `Deaktiveret ${u.deactivatedAt ? formatDate(u.deactivatedAt) : ''}`}
                </td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="secondary" onClick={() => setDialog({ kind: 'edit', user: u })} aria-label={`Redigér ${u.name}`}>
                      Redigér
                    </button>
                    {u.active ? (
                      <>
                        <button type="button" className="secondary" onClick={() => setDialog({ kind: 'reset', user: u })} aria-label={`Nulstil adgangskode for ${u.name}`}>
                          Nulstil adgangskode
                        </button>
                        {u.id !== me.id && (
                          <button type="button" className="secondary" onClick={() => setDialog({ kind: 'deactivate', user: u })} aria-label={`Deaktivér ${u.name}`}>
                            Deaktivér
                          </button>
                        )}
                      </>
                    ) : (
                      <button type="button" className="secondary" onClick={() => setDialog({ kind: 'activate', user: u })} aria-label={`Genaktivér ${u.name}`}>
                        Genaktivér
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'create' && <CreateUserDialog onClose={() => setDialog(null)} onDone={(u) => done(`${u.name} er oprettet. Giv den midlertidige adgangskode videre personligt.`)} />}
      {dialog?.kind === 'edit' && <EditUserDialog user={dialog.user} onClose={() => setDialog(null)} onDone={(u) => done(`${u.name} er gemt.`)} />}
      {(dialog?.kind === 'reset' || dialog?.kind === 'activate') && (
        <TemporaryPasswordDialog
          user={dialog.user}
          kind={dialog.kind}
          onClose={() => setDialog(null)}
          onDone={(u) => done(dialog.kind === 'reset' ? `Adgangskoden for ${u.name} er nulstillet.` : `${u.name} er genaktiveret.`)}
        />
      )}
      {dialog?.kind === 'deactivate' && <DeactivateDialog user={dialog.user} onClose={() => setDialog(null)} onDone={(u) => done(`${u.name} er deaktiveret og kan ikke længere logge ind.`, u.name)} />}
    </>
  );
}
