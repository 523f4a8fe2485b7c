import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { errorMessages } from '../../common/errors';
import type { Backend } from '../core/backend';
import { resolveStatic } from '../static/static-files';

/**
 * The loopback HTTP transport for development and browser tests: serves the built renderer (through the same
 * static-file server as the app:// protocol) and forwards POST /api/invoke to the same dispatch() that ipcMain uses.
 * 127.0.0.1 only, a random token per start. Never part of the packaged app (the Electron shell does not import it).
 *
 * Nothing a caller sends crashes it: every entry point (a request, a body chunk, a client error, an aborted or
 * slow client, an event for the stream, a dispatch that throws, a diagnose that throws) is wrapped, and every
 * reply is bounded — no request content is echoed back beyond what the dispatcher bounds (20 issues × 200 chars).
 */
export interface BridgeOptions {
  backend: Backend;
  rendererDir: string;
  port?: number;
  /** Operator diagnostics (default: console.error). Its own failures are swallowed. */
  diagnose?: (message: string) => void;
}

/** Largest request body (a JSON call); more is answered 413 with Connection: close. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** How long a refused oversized body is still read (and discarded) so the client sees the 413 before the close. */
const LINGER_MS = 2_000;

const statusText: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large', 500: 'Internal Server Error' };

function internalReply(): string {
  return JSON.stringify({ ok: false, error: { code: 'internal', message: errorMessages.internal } });
}

export async function startBridge(options: BridgeOptions): Promise<{ url: string; token: string; close: () => Promise<void> }> {
  const token = randomBytes(32).toString('hex');
  const tokenBuffer = Buffer.from(token);
  const sseClients = new Set<http.ServerResponse>();
  let origin = '';
  let host = '';

  const diagnose = (message: string) => {
    try {
      (options.diagnose ?? ((m: string) => console.error(m)))(message);
    } catch {
      // A console that cannot be written to is not a reason to stop serving.
    }
  };
  const describe = (err: unknown) => (err instanceof Error ? err.message : typeof err);

  /** The header carries the token; only the event stream (EventSource cannot set headers) takes it from the query. */
  const authorised = (req: http.IncomingMessage, query: URLSearchParams, allowQuery = false): boolean => {
    const header = req.headers.authorization;
    const given = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : allowQuery ? (query.get('token') ?? '') : '';
    const buf = Buffer.from(given);
    return buf.length === tokenBuffer.length && timingSafeEqual(buf, tokenBuffer);
  };

  /** Ends a reply with a status and no body, unless one has already started (then the connection is cut). */
  const finish = (res: http.ServerResponse, status: number, headers: http.OutgoingHttpHeaders = {}) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(status, headers).end();
  };

  const sendJson = (res: http.ServerResponse, json: string) => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
    res.end(json);
  };

  /**
   * Oversized body: the 413 goes out at once (Connection: close), the rest of the body is read and dropped for a
   * short while so the client can read the reply (closing a socket with unread data would reset it), then closed.
   */
  const refuseTooLarge = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(413, { Connection: 'close', 'Content-Length': 0 });
    res.flushHeaders();
    req.removeAllListeners('data');
    req.on('data', () => undefined);
    const done = () => {
      clearTimeout(timer);
      if (!res.writableEnded) res.end();
    };
    const timer = setTimeout(done, LINGER_MS);
    timer.unref();
    req.once('end', done);
    req.once('close', done);
    req.resume();
  };

  const invoke = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      refuseTooLarge(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (c: Buffer) => {
      if (refused) return;
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
        refuseTooLarge(req, res);
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (refused) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        finish(res, 400);
        return;
      }
      // A call is a JSON object: not an array, a number, a string or null.
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        finish(res, 400);
        return;
      }
      const { channel, input } = body as { channel?: unknown; input?: unknown };
      // The channel goes to the dispatcher as sent: only a string in the channel table is a channel, nothing is coerced.
      Promise.resolve()
        .then(() => options.backend.dispatch(channel, input))
        .then(
          (result) => JSON.stringify(result),
          (err: unknown) => {
            diagnose(`Bridge call failed: ${describe(err)}`);
            return internalReply();
          },
        )
        .then(
          (json) => sendJson(res, typeof json === 'string' ? json : internalReply()),
          (err: unknown) => {
            // The result could not be written as JSON.
            diagnose(`Bridge reply failed: ${describe(err)}`);
            sendJson(res, internalReply());
          },
        )
        .catch((err: unknown) => {
          diagnose(`Bridge reply failed: ${describe(err)}`);
          res.destroy();
        });
    });
  };

  const events = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': velkommen\n\n');
    sseClients.add(res);
    const drop = () => sseClients.delete(res);
    req.on('close', drop);
    res.on('close', drop);
  };

  const serveFile = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    const found = resolveStatic(options.rendererDir, pathname);
    if (found.status !== 200) {
      finish(res, found.status);
      return;
    }
    const stream = fs.createReadStream(found.file);
    stream.on('error', (err) => {
      diagnose(`Bridge could not read ${pathname}: ${describe(err)}`);
      finish(res, 404);
    });
    stream.once('open', () => {
      if (res.destroyed) {
        stream.destroy();
        return;
      }
      res.writeHead(200, found.headers);
      if (req.method === 'HEAD') {
        stream.destroy();
        res.end();
      } else stream.pipe(res);
    });
    res.on('close', () => stream.destroy());
  };

  /** The reply in progress on each connection, so a parser error mid-request does not write into a started reply. */
  const replies = new WeakMap<Duplex, http.ServerResponse>();

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    replies.set(req.socket, res);
    // Errors on either side of an exchange (a client that goes away mid-body, a write to a closed socket) end that
    // exchange only.
    req.on('error', () => res.destroy());
    res.on('error', () => req.destroy());

    // DNS-rebinding guard: only our own host name is served.
    if (req.headers.host !== host) {
      finish(res, 421);
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');

    // The request target as sent, parsed by hand: only origin-form ('/path?query'); never resolved as a URL, so
    // '//', 'http://[' or '*' are a 400, not an exception.
    const target = req.url ?? '';
    if (!target.startsWith('/')) {
      finish(res, 400);
      return;
    }
    const q = target.indexOf('?');
    const pathname = q < 0 ? target : target.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));

    if (pathname === '/api/invoke') {
      if (req.method !== 'POST') {
        finish(res, 405, { Allow: 'POST' });
        return;
      }
      if (!authorised(req, query) || (req.headers.origin !== undefined && req.headers.origin !== origin)) {
        finish(res, 403);
        return;
      }
      invoke(req, res);
      return;
    }

    if (pathname === '/api/events') {
      if (req.method !== 'GET') {
        finish(res, 405, { Allow: 'GET' });
        return;
      }
      if (!authorised(req, query, true)) {
        finish(res, 403);
        return;
      }
      events(req, res);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      finish(res, 405, { Allow: 'GET, HEAD' });
      return;
    }
    serveFile(req, res, pathname);
  };

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      diagnose(`Bridge request failed: ${describe(err)}`);
      try {
        finish(res, 500);
      } catch {
        res.destroy();
      }
    }
  });
  // Slow clients do not hold the bridge: headers within 10 s, the whole request within 30 s.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  // What Node's parser refuses (bad request line, headers too large, timeouts) is answered and the socket closed.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    try {
      const started = replies.get(socket);
      if (err.code === 'ECONNRESET' || !socket.writable || (started && started.headersSent && !started.writableFinished)) {
        socket.destroy();
        return;
      }
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
      socket.end(`HTTP/1.1 ${status} ${statusText[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    } catch {
      socket.destroy();
    }
  });
  server.on('connection', (socket) => socket.on('error', () => socket.destroy()));

  const unsubscribe = options.backend.subscribe((event, payload) => {
    let data: string;
    try {
      data = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`;
    } catch (err) {
      diagnose(`Event ${event} not sent: ${describe(err)}`);
      return;
    }
    for (const client of sseClients) {
      try {
        if (client.destroyed || client.writableEnded) sseClients.delete(client);
        else client.write(data);
      } catch {
        sseClients.delete(client);
      }
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => diagnose(`Bridge server error: ${describe(err)}`));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  host = `127.0.0.1:${port}`;
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
