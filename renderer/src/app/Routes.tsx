import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import type { Draft } from '../../../common/journal';
import type { SessionUser } from '../../../common/users';
import { AccessLogPage } from '../features/access-log/AccessLogPage';
import { BackupsPage } from '../features/backups/BackupsPage';
import { FamiliesPage } from '../features/families/Families';
import { NewFamilyPage } from '../features/families/NewFamily';
import { FamilyCard } from '../features/family/FamilyCard';
import { HelpPage } from '../features/help/HelpPage';
import { HomePage } from '../features/home/Home';
import { SearchPage } from '../features/search/SearchPage';
import { RetentionPage } from '../features/retention/RetentionPage';
import { EvaluationExportPage } from '../features/leadership/EvaluationExportPage';
import { MovePage } from '../features/move/MovePage';
import { InstrumentsPage } from '../features/leadership/instruments/InstrumentsPage';
import { ProgressionOverviewPage } from '../features/leadership/ProgressionOverviewPage';
import { AccountPage } from '../features/session/Account';
import { SettingsPage } from '../features/settings/Settings';
import { UsersPage } from '../features/users/Users';
import { splitLocation } from '../ui/hashRoute';

/** Which screen each hash route shows (#/familier/12/dagbog, #/familier/12/netvaerk/sikkerhedsplan); leader and administrator screens send others home. */
export function AppRoutes({ user, isLeader, isAdmin, onServer, onOpenDraft, onNewObservation }: { user: SessionUser; isLeader: boolean; isAdmin: boolean; onServer: boolean; onOpenDraft: (draft: Draft) => void; onNewObservation: () => void }) {
  // Routes match the path; a screen's options (?notat=345) are read by the screen itself.
  const [location] = useLocation();
  return (
    <Switch location={splitLocation(location).path}>
      <Route path="/">
        <HomePage user={user} onOpenDraft={onOpenDraft} />
      </Route>
      <Route path="/familier">
        <FamiliesPage user={user} />
      </Route>
      <Route path="/familier/ny">
        <NewFamilyPage userId={user.id} />
      </Route>
      <Route<{ id: string; tab?: string; '*'?: string }> path="/familier/:id/:tab?/*?">
        {(params) => <FamilyCard key={params.id} familyId={Number(params.id)} tab={params.tab ?? 'overblik'} sub={params['*'] ?? ''} user={user} onNewObservation={onNewObservation} />}
      </Route>
      <Route path="/soeg">
        <SearchPage />
      </Route>
      <Route path="/ledelse/progression">{isLeader ? <ProgressionOverviewPage /> : <Redirect to="/" />}</Route>
      <Route path="/ledelse/maaleredskaber">{isLeader ? <InstrumentsPage /> : <Redirect to="/" />}</Route>
      <Route path="/ledelse/evaluering">{isLeader ? <EvaluationExportPage /> : <Redirect to="/" />}</Route>
      <Route path="/ledelse/adgangslog/:section?">{(params) => (isLeader ? <AccessLogPage section={params.section ?? ''} isAdmin={isAdmin} /> : <Redirect to="/" />)}</Route>
      <Route path="/admin/brugere">{isAdmin ? <UsersPage me={user} /> : <Redirect to="/" />}</Route>
      <Route path="/admin/indstillinger">{isAdmin ? <SettingsPage /> : <Redirect to="/" />}</Route>
      <Route path="/admin/sikkerhedskopier">{isAdmin ? <BackupsPage onServer={onServer} /> : <Redirect to="/" />}</Route>
      <Route path="/admin/flyt">{isAdmin && !onServer ? <MovePage /> : <Redirect to="/" />}</Route>
      <Route path="/admin/sletning">{isAdmin ? <RetentionPage /> : <Redirect to="/" />}</Route>
      <Route path="/hjaelp/:section?">{(params) => <HelpPage section={params.section ?? ''} />}</Route>
      <Route path="/konto">
        <AccountPage user={user} />
      </Route>
      <Route>
        <h1>Siden findes ikke</h1>
        <Link href="/">Gå til forsiden</Link>
      </Route>
    </Switch>
  );
}
