import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Router, useLocation, useRoute } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { Draft } from '../../../common/journal';
import type { SessionUser } from '../../../common/users';
import { NewObservationDialog } from '../features/journal/NewObservation';
import { RecoveryReminder } from '../features/settings/RecoveryReminder';
import { goTo } from '../ui/hashRoute';
import { isPrintLocation } from '../ui/print/printRoute';
import { call, flushBeforeLock } from './api';
import { HelpDialog } from './HelpDialog';
import { PrintRoutes } from './PrintRoutes';
import { AppRoutes } from './Routes';
import { ShellLayout } from './ShellLayout';
import { forgetKeptForms } from '../ui/keptForms';
import { ServerConnection } from '../features/server/ServerConnection';
import { useActivityPing } from './useActivityPing';
import { useShortcuts } from './useShortcuts';

/**
 * The logged-in app: the frame with the routed screen, the new-observation dialog and the keyboard shortcuts that work
 * everywhere. Print views (#/udskrift/…) are shown alone, without the top bar and the navigation.
 */
export function Shell(props: { user: SessionUser; institutionName: string }) {
  return (
    <Router hook={useHashLocation}>
      <ShellInner {...props} />
    </Router>
  );
}

function ShellInner({ user, institutionName }: { user: SessionUser; institutionName: string }) {
  const status = useQuery({ queryKey: ['status'], queryFn: () => call('app:status', {}), staleTime: Infinity });
  const queryClient = useQueryClient();
  useActivityPing();
  const [location, navigate] = useLocation();
  const [familyMatch, familyParams] = useRoute<{ id: string; tab?: string }>('/familier/:id/:tab?/*?');
  const openFamilyId = familyMatch && /^\d+$/.test(familyParams.id) ? Number(familyParams.id) : null;
  const openFamily = useQuery({ queryKey: ['family', openFamilyId], queryFn: openFamilyId === null ? skipToken : () => call('families:get', { familyId: openFamilyId }) });
  const [newObservation, setNewObservation] = useState<{ familyId: number | null; draft?: Draft } | null>(null);
  const [help, setHelp] = useState(false);
  const familyForNew = openFamily.data && !openFamily.data.endDate ? openFamily.data.id : null;
  // A functional update: "is the dialog open?" is answered by the state as it is now, never by a render's stale copy.
  const openNewObservation = () => setNewObservation((current) => current ?? { familyId: familyForNew });
  // An open draft saves its last keystrokes before the database closes.
  const lock = () => void flushBeforeLock().then(() => call('session:lock', {})).finally(() => queryClient.invalidateQueries({ queryKey: ['status'] }));
  const logout = () =>
    void flushBeforeLock()
      .then(() => call('session:logout', {}))
      .finally(() => {
        forgetKeptForms();
        void queryClient.invalidateQueries({ queryKey: ['status'] });
      });
  useShortcuts({
    lock,
    newObservation: openNewObservation,
    search: () => {
      navigate('/soeg');
      setTimeout(() => document.getElementById('global-search')?.focus(), 0);
    },
    help: () => setHelp(true),
  });

  const isLeader = user.role === 'leader' || user.role === 'admin';
  const isAdmin = user.role === 'admin';
  return (
    <>
      {isPrintLocation(location) ? (
        <PrintRoutes location={location} user={user} institutionName={institutionName} isLeader={isLeader} />
      ) : (
        <ShellLayout
          user={user}
          institutionName={institutionName}
          onServer={Boolean(status.data?.server)}
          openFamilyName={openFamily.data?.displayName ?? null}
          isLeader={isLeader}
          isAdmin={isAdmin}
          onNewObservation={openNewObservation}
          onLock={lock}
          onLogout={logout}
        >
          <ServerConnection />
          {isAdmin && <RecoveryReminder />}
          <AppRoutes user={user} isLeader={isLeader} isAdmin={isAdmin} onServer={Boolean(status.data?.server)} onOpenDraft={(draft) => setNewObservation({ familyId: draft.familyId, draft })} onNewObservation={openNewObservation} />
        </ShellLayout>
      )}
      {newObservation && (
        <NewObservationDialog
          familyId={newObservation.familyId}
          draft={newObservation.draft}
          userId={user.id}
          onClose={() => {
            setNewObservation(null);
            void queryClient.invalidateQueries({ queryKey: ['front'] });
          }}
          onSigned={(observation, openUnderretning) => {
            setNewObservation(null);
            // A serious concern that may become an underretning: the family's overview opens the form with the note.
            if (openUnderretning) goTo(`/familier/${observation.familyId}/overblik`, { underretning: observation.id });
            else navigate(`/familier/${observation.familyId}/dagbog`);
          }}
        />
      )}
      {help && <HelpDialog onClose={() => setHelp(false)} />}
    </>
  );
}
