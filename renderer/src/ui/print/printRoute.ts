import { goTo, hashHref, splitLocation } from '../hashRoute';

/**
 * Print views live under #/udskrift/<report>/<id>?<options>. The shell shows them without its navigation, so what is
 * on screen is what goes on paper. The options sit inside the hash (see ../hashRoute.ts), so print views are opened
 * with plain links or `openPrintView`, and read with `parsePrintLocation`.
 */
export const PRINT_ROOT = '/udskrift/';

export function isPrintLocation(location: string): boolean {
  return location.startsWith(PRINT_ROOT);
}

/** '#/udskrift/indsigt/12?fra=2026-01-01' from a path below /udskrift/ and its options (empty ones left out). */
export function printHref(path: string, options: Record<string, string | boolean | undefined> = {}): string {
  return hashHref(`${PRINT_ROOT}${path}`, options);
}

export function openPrintView(path: string, options: Record<string, string | boolean | undefined> = {}): void {
  goTo(`${PRINT_ROOT}${path}`, options);
}

/** The route part (for matching) and the options of a print location. */
export const parsePrintLocation = splitLocation;
