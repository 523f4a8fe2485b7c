import { Link, Redirect, Route, Switch } from 'wouter';
import type { Draft } from '../../../common/journal';
import type { SessionUser } from '../../../common/users';
import { AccessLogPage } from '../features/access-log/AccessLogPage';
import { FamiliesPage } from '../features/families/Families';
import { NewFamilyPage } from '../features/families/NewFamily';
import { FamilyCard } from '../features/family/FamilyCard';
import { HomePage } from '../features/home/Home';
import { EvaluationExportPage } from '../features/leadership/EvaluationExportPage';
import { InstrumentsPage } from '../features/leadership/instruments/InstrumentsPage';
import { ProgressionOverviewPage } from '../features/leadership/ProgressionOverviewPage';
import { SearchPage } from '../features/journal/Search';
import { AccountPage } from '../features/session/Account';
import { SettingsPage } from '../features/settings/Settings';
import { UsersPage } from '../features/users/Users';

/** Which screen each hash route shows (#/familier/12/dagbog); leader and administrator screens send others home. */
export function AppRoutes({ user, isLeader, isAdmin, onOpenDraft, onNewObservation }: { user: SessionUser; isLeader: boolean; isAdmin: boolean; onOpenDraft: (draft: Draft) => void; onNewObservation: () => void }) {
  return (
    <Switch>
      <Route path="/">
        <HomePage user={user} onOpenDraft={onOpenDraft} />
      </Route>
      <Route path="/familier">
        <FamiliesPage user={user} />
      </Route>
      <Route path="/familier/ny">
        <NewFamilyPage userId={user.id} />
      </Route>
      <Route path="/familier/:id/:tab?">
        {(params) => <FamilyCard key={params.id} familyId={Number(params.id)} tab={params.tab ?? 'overblik'} user={user} onNewObservation={onNewObservation} />}
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
