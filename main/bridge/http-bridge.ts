import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../core/backend';
import { resolveStatic } from '../static/static-files';

/**
 * The loopback HTTP transport for development and browser tests: serves the built renderer (through the same
 * static-file server as the app:// protocol, main/static) and forwards
 * POST /api/invoke to the same dispatch() that ipcMain uses. 127.0.0.1 only, a random token per start.
 * Never part of the packaged app (the Electron shell does not import this file).
 */
export interface BridgeOptions {
  backend: Backend;
  rendererDir: string;
  port?: number;
}

export async function startBridge(options: BridgeOptions): Promise<{ url: string; token: string; close: () => Promise<void> }> {
  const token = randomBytes(32).toString('hex');
  const tokenBuffer = Buffer.from(token);
  const sseClients = new Set<http.ServerResponse>();
  let origin = '';

  /** The header carries the token; only the event stream (EventSource cannot set headers) takes it from the query. */
  const authorised = (req: http.IncomingMessage, url: URL, allowQuery = false): boolean => {
    const given = req.headers.authorization?.replace(/^Bearer /, '') ?? (allowQuery ? url.searchParams.get('token') : null) ?? '';
    const buf = Buffer.from(given);
    return buf.length === tokenBuffer.length && timingSafeEqual(buf, tokenBuffer);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    // DNS-rebinding guard: only our own host name is served.
    if (req.headers.host !== new URL(origin).host) {
      res.writeHead(421).end();
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');

    if (url.pathname === '/api/invoke' && req.method === 'POST') {
      if (!authorised(req, url) || (req.headers.origin && req.headers.origin !== origin)) {
        res.writeHead(403).end();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 5 * 1024 * 1024) req.destroy();
        else chunks.push(c);
      });
      req.on('end', () => {
        let body: { channel?: unknown; input?: unknown };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          res.writeHead(400).end();
          return;
        }
        if (typeof body !== 'object' || body === null) {
          res.writeHead(400).end();
          return;
        }
        void options.backend.dispatch(String(body.channel), body.input).then((result) => {
          res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(result));
        });
      });
      return;
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!authorised(req, url, true)) {
        res.writeHead(403).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': velkommen\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }

    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    const found = resolveStatic(options.rendererDir, url.pathname);
    if (found.status !== 200) {
      res.writeHead(found.status).end();
      return;
    }
    res.writeHead(200, found.headers);
    fs.createReadStream(found.file).pipe(res);
  });

  const unsubscribe = options.backend.subscribe((event, payload) => {
    const data = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`;
    for (const client of sseClients) client.write(data);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of sseClients) client.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
