import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, Redirect, Route, Router, Switch, useLocation, useRoute } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { SessionUser } from '../../../common/channels';
import type { Draft } from '../../../common/journal';
import { Dialog } from '../ui/Dialog';
import { CreateFamilyPage, FamiliesPage } from '../features/families/Families';
import { FamilyCard } from '../features/family/FamilyCard';
import { HomePage } from '../features/home/Home';
import { NewObservationDialog } from '../features/journal/NewObservation';
import { SearchPage } from '../features/journal/Search';
import { roleLabels } from '../../../common/roles';
import { call, flushBeforeLock } from './api';
import { Notice } from '../ui/Field';
import { AccessLogPage } from '../features/access-log/AccessLog';
import { AccountPage } from '../features/session/ChangePassword';
import { SettingsPage } from '../features/settings/Settings';
import { UsersPage } from '../features/users/Users';

/** Tells the backend that a person is here (throttled), so the idle lock measures real inactivity. */
function useActivityPing() {
  const last = useRef(0);
  const throttle = useRef(30_000);
  useEffect(() => {
    const ping = () => {
      const now = Date.now();
      if (now - last.current < throttle.current) return;
      last.current = now;
      void call('session:ping', {})
        .then((r) => {
          throttle.current = Math.max(250, Math.min(30_000, Math.floor(r.idleLockMs / 4)));
        })
        .catch(() => undefined);
    };
    ping();
    const kinds = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const k of kinds) window.addEventListener(k, ping, { passive: true });
    return () => {
      for (const k of kinds) window.removeEventListener(k, ping);
    };
  }, []);
}

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const active = location === href || (href !== '/' && location.startsWith(href + '/'));
  return (
    <Link href={href} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

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
          <Switch>
            <Route path="/">
              <HomePage user={user} onOpenDraft={(draft) => setNewObservation({ familyId: draft.familyId, draft })} />
            </Route>
            <Route path="/familier">
              <FamiliesPage />
            </Route>
            <Route path="/familier/ny">
              <CreateFamilyPage userId={user.id} />
            </Route>
            <Route path="/familier/:id/:tab?">
              {(params) => <FamilyCard key={params.id} familyId={Number(params.id)} tab={params.tab ?? 'overblik'} user={user} onNewObservation={openNewObservation} />}
            </Route>
            <Route path="/soeg">
              <SearchPage />
            </Route>
            <Route path="/ledelse/adgangslog">{isLeader ? <AccessLogPage /> : <Redirect to="/" />}</Route>
            <Route path="/admin/brugere">{isAdmin ? <UsersPage me={user} /> : <Redirect to="/" />}</Route>
            <Route path="/admin/indstillinger">{isAdmin ? <SettingsPage /> : <Redirect to="/" />}</Route>
            <Route path="/konto">
              <AccountPage user={user} />
            </Route>
            <Route>
              <h1>Siden findes ikke</h1>
              <Link href="/">Gå til forsiden</Link>
            </Route>
          </Switch>
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

function HelpDialog({ onClose }: { onClose: () => void }) {
  const keys: Array<[string, string]> = [
    ['Ctrl+N', 'Nyt notat (i den åbne familie)'],
    ['Ctrl+Enter', 'Gem eller underskriv formularen'],
    ['Ctrl+K', 'Søg'],
    ['Ctrl+L', 'Lås Familiespor'],
    ['Esc', 'Luk dialog (kladden gemmes)'],
    ['?', 'Denne oversigt'],
  ];
  return (
    <Dialog title="Tastaturgenveje" onClose={onClose}>
      <table className="list">
        <tbody>
          {keys.map(([k, v]) => (
            <tr key={k}>
              <td className="nowrap">
                <kbd>{k}</kbd>
              </td>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={onClose} autoFocus>
          Luk
        </button>
      </div>
    </Dialog>
  );
}

function RecoveryReminder() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings:get', {}) });
  if (!settings.data || settings.data.recoveryConfirmed) return null;
  return (
    <Notice kind="warn">
      Gendannelseskoden er ikke bekræftet som gemt. <Link href="/admin/indstillinger">Lav en ny gendannelseskode</Link>, og læg den i pengeskabet.
    </Notice>
  );
}
