/**
 * Print views live under #/udskrift/<report>/<id>?<options>. The shell shows them without its navigation, so what is
 * on screen is what goes on paper. The options sit inside the hash (wouter's navigate would move them out of it), so
 * print views are opened with plain links or `openPrintView`, and read with `parsePrintLocation`.
 */
export const PRINT_ROOT = '/udskrift/';

export function isPrintLocation(location: string): boolean {
  return location.startsWith(PRINT_ROOT);
}

/** '#/udskrift/indsigt/12?fra=2026-01-01' from a path below /udskrift/ and its options (empty ones left out). */
export function printHref(path: string, options: Record<string, string | boolean | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (value === true) query.set(key, '1');
    else if (typeof value === 'string' && value !== '') query.set(key, value);
  }
  const search = query.toString();
  return `#${PRINT_ROOT}${path}${search ? `?${search}` : ''}`;
}

export function openPrintView(path: string, options: Record<string, string | boolean | undefined> = {}): void {
  window.location.hash = printHref(path, options);
}

/** The route part (for matching) and the options of a print location. */
export function parsePrintLocation(location: string): { path: string; options: URLSearchParams } {
  const at = location.indexOf('?');
  return at < 0 ? { path: location, options: new URLSearchParams() } : { path: location.slice(0, at), options: new URLSearchParams(location.slice(at + 1)) };
}
