import { useLocation } from 'wouter';

/**
 * Screens with options in their address (#/familier/12/dagbog?notat=345) keep the options inside the hash, so back and
 * forward bring them back. wouter's navigate() would move a '?…' out of the hash, so such addresses are opened with
 * plain links (hashHref) or goTo, and read with splitLocation / useLocationOptions.
 */
export function hashHref(path: string, options: Record<string, string | number | boolean | undefined | null> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (value === true) query.set(key, '1');
    else if (typeof value === 'number') query.set(key, String(value));
    else if (typeof value === 'string' && value !== '') query.set(key, value);
  }
  const search = query.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

export function goTo(path: string, options: Record<string, string | number | boolean | undefined | null> = {}): void {
  window.location.hash = hashHref(path, options);
}

/** The route part (for matching) and the options of a location. */
export function splitLocation(location: string): { path: string; options: URLSearchParams } {
  const at = location.indexOf('?');
  return at < 0 ? { path: location, options: new URLSearchParams() } : { path: location.slice(0, at), options: new URLSearchParams(location.slice(at + 1)) };
}

/** The options of the current screen's address. */
export function useLocationOptions(): URLSearchParams {
  const [location] = useLocation();
  return splitLocation(location).options;
}
