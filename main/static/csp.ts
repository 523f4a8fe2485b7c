/**
 * The Content-Security-Policy for the renderer, sent by the one static-file server (static-files.ts) that both the
 * app:// protocol and the loopback bridge use. Only the app's own files: no inline script or style, no eval, no
 * plugins, no frames around it, no forms posting anywhere, no <base> rewriting. `img-src data:` is for the empty
 * favicon in index.html; `connect-src 'self'` is the bridge's /api (the Electron renderer talks over IPC instead).
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

export const CSP = CSP_DIRECTIVES.join('; ');
