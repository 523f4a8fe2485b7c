import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Router, useLocation, useRoute } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { Draft } from '../../../common/journal';
import { roleLabels } from '../../../common/roles';
import type { SessionUser } from '../../../common/users';
import { NewObservationDialog } from '../features/journal/NewObservation';
import { RecoveryReminder } from '../features/settings/RecoveryReminder';
import { call, flushBeforeLock } from './api';
import { HelpDialog } from './HelpDialog';
import { NavLink } from './NavLink';
import { AppRoutes } from './Routes';
import { useActivityPing } from './useActivityPing';

/**
 * The logged-in layout: top bar (institution, open family, new observation, user, lock), left navigation, the routed
 * screen, and the keyboard shortcuts that work everywhere (Ctrl+N, Ctrl+K, Ctrl+L, ?).
 */
export function Shell(props: { user: SessionUser; institutionName: string }) {
  return (
    <Router hook={useHashLocation}>
      <ShellInner {...props} />
    </Router>
  );
}

function ShellInner({ user, institutionName }: { user: SessionUser; institutionName: string }) {
  const queryClient = useQueryClient();
  useActivityPing();
  const [, navigate] = useLocation();
  const [familyMatch, familyParams] = useRoute<{ id: string; tab?: string }>('/familier/:id/:tab?');
  const openFamilyId = familyMatch && /^\d+$/.test(familyParams.id) ? Number(familyParams.id) : null;
  const openFamily = useQuery({ queryKey: ['family', openFamilyId], queryFn: () => call('families:get', { familyId: openFamilyId! }), enabled: openFamilyId !== null });
  const [newObservation, setNewObservation] = useState<{ familyId: number | null; draft?: Draft } | null>(null);
  const [help, setHelp] = useState(false);
  const openNewObservation = () => setNewObservation({ familyId: openFamily.data && !openFamily.data.endDate ? openFamily.data.id : null });
  // An open draft saves its last keystrokes before the database closes.
  const lock = () => void flushBeforeLock().then(() => call('session:lock', {})).finally(() => queryClient.invalidateQueries({ queryKey: ['status'] }));
  const logout = () => void flushBeforeLock().then(() => call('session:logout', {})).finally(() => queryClient.invalidateQueries({ queryKey: ['status'] }));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && key === 'l') {
        event.preventDefault();
        lock();
      } else if ((event.ctrlKey || event.metaKey) && key === 'n') {
        event.preventDefault();
        if (!newObservation) openNewObservation();
      } else if ((event.ctrlKey || event.metaKey) && key === 'k') {
        event.preventDefault();
        navigate('/soeg');
        setTimeout(() => document.getElementById('global-search')?.focus(), 0);
      } else if (event.key === '?' && !(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement)) {
        setHelp(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const isLeader = user.role === 'leader' || user.role === 'admin';
  const isAdmin = user.role === 'admin';
  return (
    <>
      <div className="shell">
        <header className="topbar">
          <span className="institution">{institutionName}</span>
          {openFamily.data && (
            <span className="family" data-testid="open-family">
              {openFamily.data.displayName}
            </span>
          )}
          <span className="spacer" />
          <button type="button" className="primary" onClick={openNewObservation} title="Nyt notat (Ctrl+N)">
            Nyt notat
          </button>
          <span className="user" data-testid="current-user">
            {user.name} · {roleLabels[user.role]}
          </span>
          <button type="button" onClick={lock} title="Lås (Ctrl+L)">
            Lås
          </button>
          <button type="button" onClick={logout}>
            Log ud
          </button>
        </header>
        <nav className="sidenav" aria-label="Hovedmenu">
          <NavLink href="/">Forside</NavLink>
          <NavLink href="/familier">Familier</NavLink>
          <NavLink href="/soeg">Søg</NavLink>
          {isLeader && (
            <>
              <div className="group">Ledelse</div>
              <NavLink href="/ledelse/adgangslog">Adgangslog</NavLink>
            </>
          )}
          {isAdmin && (
            <>
              <div className="group">Administration</div>
              <NavLink href="/admin/brugere">Brugere</NavLink>
              <NavLink href="/admin/indstillinger">Indstillinger</NavLink>
            </>
          )}
          <div className="group">Dig</div>
          <NavLink href="/konto">Min konto</NavLink>
        </nav>
        <main className="content">
          {isAdmin && <RecoveryReminder />}
          <AppRoutes user={user} isLeader={isLeader} isAdmin={isAdmin} onOpenDraft={(draft) => setNewObservation({ familyId: draft.familyId, draft })} onNewObservation={openNewObservation} />
        </main>
      </div>
      {newObservation && (
        <NewObservationDialog
          familyId={newObservation.familyId}
          draft={newObservation.draft}
          onClose={() => {
            setNewObservation(null);
            void queryClient.invalidateQueries({ queryKey: ['front'] });
          }}
          onSigned={(familyId) => {
            setNewObservation(null);
            navigate(`/familier/${familyId}/dagbog`);
          }}
        />
      )}
      {help && <HelpDialog onClose={() => setHelp(false)} />}
    </>
  );
}
