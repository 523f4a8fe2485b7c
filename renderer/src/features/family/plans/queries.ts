import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { NetworkOverview } from '../../../../../common/network';
import { call } from '../../../app/api';

/** Query keys and reads shared by the Netværk and Udslusningsplan tabs. */
export const keys = {
  network: (familyId: number) => ['network', familyId] as const,
  meeting: (meetingId: number) => ['networkMeeting', meetingId] as const,
  safetyPlan: (familyId: number, version?: number) => ['safetyPlan', familyId, version ?? 'newest'] as const,
  discharge: (familyId: number, version?: number) => ['discharge', familyId, version ?? 'newest'] as const,
  overdue: ['front', 'dischargeOverdue'] as const,
};

export function useNetwork(familyId: number) {
  return useQuery({ queryKey: keys.network(familyId), queryFn: () => call('network:get', { familyId }) });
}

/** After a change to the network: the overview the backend answered with, and the plans that show agreements' status. */
export function useNetworkSaved(familyId: number) {
  const queryClient = useQueryClient();
  return (overview: NetworkOverview) => {
    queryClient.setQueryData(keys.network(familyId), overview);
    void queryClient.invalidateQueries({ queryKey: ['discharge', familyId] });
  };
}

/** After a new version of the udslusningsplan: the plan, the family (its overview and close dialog) and the leaders' list. */
export function useDischargeSaved(familyId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['discharge', familyId] }),
      queryClient.invalidateQueries({ queryKey: ['family', familyId] }),
      queryClient.invalidateQueries({ queryKey: ['front'] }),
    ]);
}
