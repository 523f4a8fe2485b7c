import { useQueryClient } from '@tanstack/react-query';
import type { FamilyDetail } from '../../../../common/families';

/**
 * After a change to a family: the card shows the family the backend answered with at once, and the family lists and
 * the front page are fetched again (phase, coordinator and end date show there too).
 */
export function useFamilySaved(familyId: number, onDone?: () => void) {
  const queryClient = useQueryClient();
  return (data: FamilyDetail) => {
    queryClient.setQueryData(['family', familyId], data);
    void queryClient.invalidateQueries({ queryKey: ['families'] });
    void queryClient.invalidateQueries({ queryKey: ['front'] });
    onDone?.();
  };
}
