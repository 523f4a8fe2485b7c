import fs from 'node:fs';
import { resolveStatic } from '../static/static-files';

/**
 * The app:// protocol's answer to one request, as a web Response (what Electron's protocol.handle wants). Kept free
 * of the electron import so the tests run it in Node. Only GET/HEAD on our own host; the file comes from the shared
 * static-file server; nothing here throws (a failed read is a 404, anything unexpected a 500).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'familiespor';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export async function appProtocolResponse(rendererDir: string, requestUrl: unknown, method: unknown = 'GET'): Promise<Response> {
  try {
    if (method !== 'GET' && method !== 'HEAD') return new Response(null, { status: 405 });
    let url: URL;
    try {
      if (typeof requestUrl !== 'string') return new Response(null, { status: 400 });
      url = new URL(requestUrl);
    } catch {
      return new Response(null, { status: 400 });
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return new Response(null, { status: 404 });
    const found = resolveStatic(rendererDir, url.pathname);
    if (found.status !== 200) return new Response(null, { status: found.status });
    let body: Buffer;
    try {
      body = await fs.promises.readFile(found.file);
    } catch {
      return new Response(null, { status: 404 });
    }
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: { ...found.headers, 'Cache-Control': 'no-store' } });
  } catch {
    return new Response(null, { status: 500 });
  }
}

/** True only for a URL on our own app:// origin (the navigation guard and the sender-frame check use it). */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
