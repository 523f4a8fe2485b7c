import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { SessionUser } from '../../../common/channels';
import { roleLabels } from '../../../common/roles';
import { call } from '../api';
import { Notice } from '../components/Field';
import { AccessLogPage } from './AccessLog';
import { AccountPage } from './ChangePassword';
import { SettingsPage } from './Settings';
import { UsersPage } from './Users';

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

export function Shell({ user, institutionName }: { user: SessionUser; institutionName: string }) {
  const queryClient = useQueryClient();
  useActivityPing();
  const lock = () => void call('session:lock', {}).finally(() => queryClient.invalidateQueries({ queryKey: ['status'] }));
  const logout = () => void call('session:logout', {}).finally(() => queryClient.invalidateQueries({ queryKey: ['status'] }));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const isLeader = user.role === 'leader' || user.role === 'admin';
  const isAdmin = user.role === 'admin';
  return (
    <Router hook={useHashLocation}>
      <div className="shell">
        <header className="topbar">
          <span className="institution">{institutionName}</span>
          <span className="spacer" />
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
              <HomePage user={user} />
            </Route>
            <Route path="/familier">
              <ComingSoon title="Familier" text="Her kommer listen over familier og deres forløb." />
            </Route>
            <Route path="/soeg">
              <ComingSoon title="Søg" text="Her kommer søgning i dagbøger på tværs af familier." />
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
    </Router>
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

function HomePage({ user }: { user: SessionUser }) {
  const hour = new Date().getHours();
  const greeting = hour < 10 ? 'Godmorgen' : hour < 18 ? 'Goddag' : 'Godaften';
  return (
    <>
      <h1>
        {greeting}, {user.name.split(' ')[0]}
      </h1>
      <div className="panel">
        <p>Familiespor er klar. Familier, dagbog og overblik over bekymringer kommer her på forsiden, når de er bygget.</p>
        <p className="muted small">
          Tastatur: <kbd>Ctrl</kbd>+<kbd>L</kbd> låser, <kbd>Ctrl</kbd>+<kbd>Enter</kbd> gemmer en formular.
        </p>
      </div>
    </>
  );
}

function ComingSoon({ title, text }: { title: string; text: string }) {
  return (
    <>
      <h1>{title}</h1>
      <div className="panel">
        <p>{text}</p>
        <p className="muted">Denne del af Familiespor er endnu ikke bygget.</p>
      </div>
    </>
  );
}
