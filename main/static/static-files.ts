import fs from 'node:fs';
import path from 'node:path';
import { CSP } from './csp';

/**
 * The one static-file server for the built renderer, shared by both transports: the Electron shell's app://
 * protocol handler (main/shell/app-protocol.ts) and the loopback bridge (main/bridge/http-bridge.ts). It knows
 * neither Electron nor HTTP: it maps a raw URL path to a file inside the renderer folder, or refuses.
 *
 * Refused with 400 (malformed): not a string, not starting with '/', longer than MAX_PATH, bad percent-encoding.
 * Refused with 404 (well-formed, but no file of ours): any segment that is empty ('//', a trailing '/'), '.', '..',
 * or that holds — after decoding — a slash or backslash (encoded separators), a NUL or other control character, a
 * colon (Windows drive letters, alternate data streams), a character Windows forbids in names, a trailing dot or
 * space (Windows strips them), or a Windows device name (CON, NUL, COM1 …); anything whose real path (symlinks
 * resolved) is not inside the real renderer folder; anything that is not a regular file (a directory).
 * '/' is index.html. HTML gets the Content-Security-Policy.
 */
export type StaticResult =
  | { status: 200; file: string; contentType: string; headers: Record<string, string> }
  | { status: 400 | 404 };

export const MAX_PATH = 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  // The user guide (Hjælp), read as text by the renderer.
  '.md': 'text/markdown; charset=utf-8',
};

// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_SEGMENT = /[\u0000-\u001f\u007f/\\:*?"<>|]/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

function segmentAllowed(segment: string): boolean {
  return (
    segment !== '' &&
    segment !== '.' &&
    segment !== '..' &&
    !FORBIDDEN_IN_SEGMENT.test(segment) &&
    !/[. ]$/.test(segment) &&
    !WINDOWS_DEVICE.test(segment)
  );
}

function realpathOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

function isRegularFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function resolveStatic(rendererDir: string, rawPathname: unknown): StaticResult {
  if (typeof rawPathname !== 'string' || !rawPathname.startsWith('/') || rawPathname.length > MAX_PATH) return { status: 400 };

  let segments: string[];
  if (rawPathname === '/') {
    segments = ['index.html'];
  } else {
    try {
      segments = rawPathname.slice(1).split('/').map((s) => decodeURIComponent(s));
    } catch {
      return { status: 400 };
    }
  }
  if (!segments.every(segmentAllowed)) return { status: 404 };

  const root = realpathOrNull(path.resolve(rendererDir));
  if (!root) return { status: 404 };
  const real = realpathOrNull(path.join(root, ...segments));
  const inside = root.endsWith(path.sep) ? root : root + path.sep;
  if (!real || !real.startsWith(inside)) return { status: 404 };
  if (!isRegularFile(real)) return { status: 404 };

  const contentType = contentTypes[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': contentType, 'X-Content-Type-Options': 'nosniff' };
  // electronegativity sees this assignment but not the constant's value, so its CSP check cannot parse it; the policy
  // itself is evaluated by npm run lint:electron with the same CSP evaluator, and tested in tests/unit/static-files.test.ts.
  if (contentType.startsWith('text/html')) headers['Content-Security-Policy'] = CSP; // eng-disable CSP_GLOBAL_CHECK
  return { status: 200, file: real, contentType, headers };
}
