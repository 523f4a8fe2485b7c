import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '../../../../common/users';
import { ApiError, call } from '../../app/api';

/** Whether this user sees only the families whose indsatsteam they are on (staff, when the institution has chosen so). */
export function useLimitedToTeam(user: SessionUser): boolean {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings:get', {}), enabled: user.role === 'staff' });
  return user.role === 'staff' && settings.data?.needToKnow === true;
}

/** The backend's refusal of a family the user is not on the team of (its message starts with these words). */
export function isNeedToKnowRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'forbidden' && error.message.startsWith('Du er ikke i familiens indsatsteam');
}
