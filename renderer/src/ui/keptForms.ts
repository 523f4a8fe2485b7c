import { useQueryClient } from '@tanstack/react-query';

/**
 * Half-filled forms kept in memory per user until they are saved: an idle lock (the screen is rebuilt), a closed
 * dialog or a tab left for a moment loses nothing. Never on disk (sessionStorage would end up in the browser profile,
 * outside the encrypted database); forgotten at logout.
 */
const kept = new Map<string, unknown>();

export function forgetKeptForms(): void {
  kept.clear();
}

/** The memory key of a form for the logged-in user (`keep` names the form and its record), or null. */
export function useKeptKey(keep: string | undefined): string | null {
  const queryClient = useQueryClient();
  const status = queryClient.getQueryData<{ session: { id: number } | null }>(['status']);
  return keep && status?.session ? `${status.session.id}:${keep}` : null;
}

export function keptValues(key: string | null): unknown {
  return key === null ? undefined : kept.get(key);
}

export function keepValues(key: string | null, values: unknown): void {
  if (key !== null) kept.set(key, values);
}

export function forgetValues(key: string | null): void {
  if (key !== null) kept.delete(key);
}
