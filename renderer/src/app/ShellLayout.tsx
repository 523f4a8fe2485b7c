import type { ReactNode } from 'react';
import { roleLabels } from '../../../common/roles';
import type { SessionUser } from '../../../common/users';
import { NavLink } from './NavLink';

/** The logged-in frame: top bar (institution, open family, new observation, user, lock, log out), left navigation, content. */
export function ShellLayout(props: {
  user: SessionUser;
  institutionName: string;
  openFamilyName: string | null;
  isLeader: boolean;
  isAdmin: boolean;
  /** On the institution's server: no »Flyt til server« (the database is already there). */
  onServer: boolean;
  onNewObservation: () => void;
  onLock: () => void;
  onLogout: () => void;
  children: ReactNode;
}) {
  const { user } = props;
  return (
    <div className="shell">
      <header className="topbar">
        <span className="institution">{props.institutionName}</span>
        {props.openFamilyName && (
          <span className="family" data-testid="open-family">
            {props.openFamilyName}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="primary" onClick={props.onNewObservation} title="Nyt notat (Ctrl+N)">
          Nyt notat
        </button>
        <span className="user" data-testid="current-user">
          {user.name} · {roleLabels[user.role]}
        </span>
        <button type="button" onClick={props.onLock} title="Lås (Ctrl+L)">
          Lås
        </button>
        <button type="button" onClick={props.onLogout}>
          Log ud
        </button>
      </header>
      <nav className="sidenav" aria-label="Hovedmenu">
        <NavLink href="/">Forside</NavLink>
        <NavLink href="/familier">Familier</NavLink>
        <NavLink href="/soeg">Søg</NavLink>
        {props.isLeader && (
          <>
            <div className="group">Ledelse</div>
            <NavLink href="/ledelse/progression">Progression</NavLink>
            <NavLink href="/ledelse/maaleredskaber">Måleredskaber</NavLink>
            <NavLink href="/ledelse/adgangslog">Adgangslog</NavLink>
            <NavLink href="/ledelse/evaluering">Evalueringsudtræk</NavLink>
          </>
        )}
        {props.isAdmin && (
          <>
            <div className="group">Administration</div>
            <NavLink href="/admin/brugere">Brugere</NavLink>
            <NavLink href="/admin/indstillinger">Indstillinger</NavLink>
            <NavLink href="/admin/sikkerhedskopier">Sikkerhedskopier</NavLink>
            <NavLink href="/admin/sletning">Sletning af forløb</NavLink>
            {!props.onServer && <NavLink href="/admin/flyt">Flyt til server</NavLink>}
          </>
        )}
        <div className="group">Dig</div>
        <NavLink href="/konto">Min konto</NavLink>
        <NavLink href="/hjaelp">Hjælp</NavLink>
      </nav>
      <main className="content">{props.children}</main>
    </div>
  );
}
