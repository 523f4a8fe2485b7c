import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../common/errors';
import { MAX_BODY_BYTES, startBridge } from '../../main/bridge/http-bridge';
import type { Backend, BackendCore } from '../../main/core/backend';
import { ADMIN, newBackend, tempDir } from '../helpers';

/**
 * Hostile callers against the loopback bridge, over raw TCP (no client-side parsing or normalisation): whatever
 * arrives — malformed request lines, unparsable targets, huge headers, slow or aborted bodies, JSON of every type,
 * channels that are not strings, inputs with 2 MB keys, oversized bodies — the bridge answers (or closes) that one
 * connection and keeps serving. After every case an ordinary authorised call must still work.
 */
let backend: BackendCore;
let bridge: Awaited<ReturnType<typeof startBridge>>;
let port: number;
let host: string;
const diagnostics: string[] = [];

beforeAll(async () => {
  backend = newBackend();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Familiespor</title>');
  bridge = await startBridge({ backend, rendererDir, diagnose: (m) => diagnostics.push(m) });
  port = Number(new URL(bridge.url).port);
  host = `127.0.0.1:${port}`;
});

afterAll(async () => {
  await bridge.close();
  await backend.close();
});

interface RawReply {
  text: string;
  status: number | null;
  closed: boolean;
}

/** Writes bytes on a fresh TCP connection and collects what comes back until the server closes it (or waitMs). */
function raw(write: (socket: net.Socket) => void | Promise<void>, waitMs = 5_000): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    const done = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ text, status: match ? Number(match[1]) : null, closed });
      socket.destroy();
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined); // a reset is a legitimate end for some cases; the reply so far is kept
    socket.on('close', () => {
      closed = true;
      done();
    });
    socket.on('connect', () => {
      void Promise.resolve(write(socket)).catch(() => undefined);
    });
  });
}

const send = (data: string | Buffer) => (socket: net.Socket) => void socket.write(data);

function post(body: string | Buffer, headers: Record<string, string> = {}): string | Buffer {
  const length = Buffer.byteLength(body);
  const head =
    `POST /api/invoke HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${bridge.token}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${length}\r\nConnection: close\r\n` +
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n';
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]);
}

/** The JSON body of a (Content-Length) reply. */
function json(reply: RawReply): { ok: boolean; error?: { code: string; message: string; issues?: { path: string; message: string }[] } } {
  const at = reply.text.indexOf('\r\n\r\n');
  return JSON.parse(Buffer.from(reply.text.slice(at + 4), 'latin1').toString('utf8'));
}

/** An ordinary authorised call through Node's own client: the bridge must still answer it. */
async function stillServing(): Promise<void> {
  const body = JSON.stringify({ channel: 'app:status', input: {} });
  const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/api/invoke', method: 'POST', agent: false, headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { session: null } });
}

describe('the bridge survives malformed requests (no token needed)', () => {
  it.each([
    ['GET //', `GET // HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 404],
    ['GET ///etc/passwd', `GET ///etc/passwd HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 404],
    ['GET http://[', `GET http://[ HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 400],
    ['absolute-form target', `GET http://HOST/ HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 400],
    ['OPTIONS *', `OPTIONS * HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 400],
    ['GET /%', `GET /% HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 400],
    ['GET /%E0%A4%A', `GET /%E0%A4%A HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 400],
    ['GET /..%2f..%2fetc%2fpasswd', `GET /..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 404],
    ['GET /..\\..\\secret', `GET /..\\..\\secret HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 404],
    ['GET /%00', `GET /%00 HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 404],
    ['GET /C:/Windows/win.ini', `GET /C:/Windows/win.ini HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 404],
    ['GET /api/invoke', `GET /api/invoke HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 405],
    ['DELETE /', `DELETE / HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 405],
    ['HTTP/1.0 without Host', `GET / HTTP/1.0\r\n\r\n`, 421],
    ['HTTP/1.1 without Host', `GET / HTTP/1.1\r\nConnection: close\r\n\r\n`, 400],
    ['control characters in the target', `GET /\x01\x7f HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 400],
    ['a space in the target', `GET /a b HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 400],
    ['raw UTF-8 bytes in the target', Buffer.from(`GET /æøå HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 'utf8'), null],
    ['no HTTP version (HTTP/0.9, so no Host)', `GET /\r\n\r\n`, 421],
    ['an unknown method token', `G@T / HTTP/1.1\r\nHost: HOST\r\n\r\n`, 400],
    ['a NUL in a header value', `GET / HTTP/1.1\r\nHost: HOST\r\nX-A: a\x00b\r\n\r\n`, 400],
    ['a header name with spaces', `GET / HTTP/1.1\r\nHost: HOST\r\nBad Header: x\r\n\r\n`, 400],
    ['Content-Length and Transfer-Encoding together', `POST /api/invoke HTTP/1.1\r\nHost: HOST\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, 400],
    ['a non-numeric Content-Length', `POST /api/invoke HTTP/1.1\r\nHost: HOST\r\nContent-Length: abc\r\n\r\n`, 400],
    ['a bad chunk size', `POST /api/invoke HTTP/1.1\r\nHost: HOST\r\nAuthorization: Bearer TOKEN\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`, 400],
    ['a bad chunk after a good one', `POST /api/invoke HTTP/1.1\r\nHost: HOST\r\nAuthorization: Bearer TOKEN\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nzz\r\n`, 400],
    ['binary garbage', Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]), 400],
  ])('%s', async (_name, request, status) => {
    const fill = (text: string) => text.replaceAll('HOST', host).replaceAll('TOKEN', bridge.token);
    const data = typeof request === 'string' ? fill(request) : Buffer.from(fill(request.toString('latin1')), 'latin1');
    const reply = await raw(send(data));
    if (status !== null) expect(reply.status).toBe(status);
    else expect(reply.status).toBeGreaterThanOrEqual(400);
    await stillServing();
  });

  it('answers huge headers with 431 (one 100 kB header, a 40 kB request target)', async () => {
    const big = await raw(send(`GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`));
    expect(big.status).toBe(431);
    const long = await raw(send(`GET /${'a'.repeat(40_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`));
    expect(long.status).toBe(431);
    await stillServing();
  });

  it('answers a wrong host name (DNS rebinding) and a missing token before reading anything', async () => {
    expect((await raw(send(`GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`))).status).toBe(421);
    const noToken = await raw(send(`POST /api/invoke HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`));
    expect(noToken.status).toBe(403);
    const badOrigin = await raw(send(post(JSON.stringify({ channel: 'app:status', input: {} }), { Origin: 'null' })));
    expect(badOrigin.status).toBe(403);
    await stillServing();
  });

  it('survives a client that sends half a body and goes away, or half a request line', async () => {
    for (const partial of [
      `POST /api/invoke HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${bridge.token}\r\nContent-Length: 1000\r\n\r\n{"channel":`,
      `POST /api/invoke HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${bridge.token}\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{"chan`,
      `GET /index.ht`,
      `POST /api/invoke HTTP/1.1\r\nHost: ${host}\r\nContent-Le`,
    ]) {
      const reply = await raw(async (socket) => {
        socket.write(partial);
        await new Promise((r) => setTimeout(r, 50));
        socket.destroy();
      }, 500);
      expect(reply.status).toBeNull();
    }
    // A reset in the middle of a body, with the body bigger than one TCP segment.
    await raw(async (socket) => {
      socket.write(`POST /api/invoke HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${bridge.token}\r\nContent-Length: 4000000\r\n\r\n`);
      socket.write(Buffer.alloc(500_000, 0x20));
      await new Promise((r) => setTimeout(r, 50));
      socket.resetAndDestroy();
    }, 500);
    await stillServing();
  });

  it('answers a slow body once it has all arrived', async () => {
    const body = JSON.stringify({ channel: 'app:status', input: {} });
    const reply = await raw(async (socket) => {
      const whole = post(body) as Buffer;
      for (let i = 0; i < whole.length; i += 16) {
        socket.write(whole.subarray(i, i + 16));
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    expect(reply.status).toBe(200);
    expect(json(reply).ok).toBe(true);
    await stillServing();
  });
});

describe('the bridge survives hostile calls (with the token)', () => {
  it.each([
    ['not JSON', '{"channel": app:status}'],
    ['empty body', ''],
    ['truncated JSON', '{"channel":"app:status","input":{'],
    ['JSON null', 'null'],
    ['JSON true', 'true'],
    ['JSON number', '42'],
    ['JSON string', '"app:status"'],
    ['JSON empty array', '[]'],
    ['JSON array of a call', '[{"channel":"app:status","input":{}}]'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
  ])('a body that is not a JSON object (%s) is a 400', async (_name, body) => {
    const reply = await raw(send(post(body)));
    expect(reply.status).toBe(body instanceof Buffer ? 200 : 400);
    if (body instanceof Buffer) expect(json(reply).error?.code).toBe('unknown_channel');
    await stillServing();
  });

  const twoMb = 'x'.repeat(2 * 1024 * 1024);
  it.each([
    ['missing', {}],
    ['a number', { channel: 42 }],
    ['null', { channel: null }],
    ['a boolean', { channel: true }],
    ['an object', { channel: { name: 'app:status' } }],
    ['an object with toString', { channel: { toString: 'app:status' } }],
    ['an array holding a channel name (would coerce to one)', { channel: ['app:status'] }],
    ['a nested array', { channel: [['app:status']] }],
    ['a 2 MB string', { channel: twoMb }],
    ['a name from Object.prototype', { channel: 'constructor' }],
    ['__proto__', { channel: '__proto__' }],
    ['a name with a NUL', { channel: 'app:status\u0000' }],
  ])('a channel that is %s is unknown_channel, and the reply stays small', async (_name, call) => {
    const reply = await raw(send(post(JSON.stringify({ ...call, input: {} }))));
    expect(reply.status).toBe(200);
    expect(json(reply)).toEqual({ ok: false, error: { code: 'unknown_channel', message: errorMessages.unknown_channel } });
    expect(reply.text.length).toBeLessThan(1_000);
    await stillServing();
  });

  it('a 2 MB key in the input gives invalid_input with bounded issues, not a 2 MB error', async () => {
    const reply = await raw(send(post(JSON.stringify({ channel: 'app:status', input: { [twoMb]: 1 } }))));
    expect(reply.status).toBe(200);
    const result = json(reply);
    expect(result.error?.code).toBe('invalid_input');
    expect(result.error!.issues!.length).toBeLessThanOrEqual(20);
    for (const issue of result.error!.issues!) {
      expect(issue.path.length).toBeLessThanOrEqual(201);
      expect(issue.message.length).toBeLessThanOrEqual(201);
    }
    expect(reply.text.length).toBeLessThan(10_000);
    await stillServing();
  });

  it('many long unknown keys, 2 MB values and 2 MB nested paths are bounded too', async () => {
    const manyKeys = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`${'k'.repeat(300)}${i}`, i]));
    const cases = [
      { channel: 'app:status', input: manyKeys },
      { channel: 'session:login', input: { loginName: twoMb, password: twoMb } },
      { channel: 'setup:create', input: { institutionName: 'Lærkebo', admin: { ...ADMIN, [twoMb]: 1 } } },
      { channel: 'setup:create', input: Array.from({ length: 10_000 }, () => twoMb.slice(0, 100)) },
    ];
    for (const call of cases) {
      const reply = await raw(send(post(JSON.stringify(call))));
      expect(reply.status).toBe(200);
      expect(json(reply).error?.code).toBe('invalid_input');
      expect(reply.text.length).toBeLessThan(10_000);
    }
    await stillServing();
  });

  it('deeply nested JSON is answered, not a stack overflow', async () => {
    const depth = 100_000;
    const reply = await raw(send(post(`{"channel":"app:status","input":${'['.repeat(depth)}${']'.repeat(depth)}}`)));
    expect([200, 400]).toContain(reply.status);
    if (reply.status === 200) expect(json(reply).error?.code).toBe('invalid_input');
    await stillServing();
  });

  it(`a body over ${MAX_BODY_BYTES / 1024 / 1024} MB gets 413 with Connection: close, not a reset`, async () => {
    // Declared too large: refused before reading, while the client is still sending.
    const declared = await raw(async (socket) => {
      const size = MAX_BODY_BYTES + 1024 * 1024;
      socket.write(`POST /api/invoke HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${bridge.token}\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`);
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      for (let sent = 0; sent < size && !socket.destroyed; sent += chunk.length) {
        if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r));
      }
    });
    expect(declared.status).toBe(413);
    expect(declared.text.toLowerCase()).toContain('connection: close');
    // Chunked, so only counting finds out.
    const chunked = await raw(async (socket) => {
      socket.write(`POST /api/invoke HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${bridge.token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const piece = Buffer.alloc(512 * 1024, 0x20);
      const framed = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
      for (let sent = 0; sent <= MAX_BODY_BYTES + piece.length && !socket.destroyed; sent += piece.length) {
        if (!socket.write(framed)) await new Promise((r) => socket.once('drain', r));
      }
      if (!socket.destroyed) socket.write('0\r\n\r\n');
    });
    expect(chunked.status).toBe(413);
    expect(chunked.text.toLowerCase()).toContain('connection: close');
    // Exactly at the limit is still read (and is not a JSON call).
    const atLimit = await raw(send(post(Buffer.alloc(MAX_BODY_BYTES, 0x20))), 15_000);
    expect(atLimit.status).toBe(400);
    await stillServing();
  });

  it('pipelined requests on one connection are answered in order', async () => {
    const call = (channel: unknown) => {
      const body = JSON.stringify({ channel, input: {} });
      return `POST /api/invoke HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${bridge.token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const reply = await raw(send(call(5) + call('app:status') + `GET // HTTP/1.1\r\nHost: ${host}\r\n\r\n` + call('app:status')), 2_000);
    expect(reply.text.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200', 'HTTP/1.1 404', 'HTTP/1.1 200']);
    expect(reply.text).toContain('"code":"unknown_channel"');
    await stillServing();
  });

  it('event-stream clients that go away do not break the stream for the others, nor the bridge', async () => {
    const open = (token: string) =>
      new Promise<net.Socket>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(`GET /api/events?token=${token} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
          socket.once('data', () => resolve(socket));
        });
        socket.on('error', () => undefined);
      });
    expect((await raw(send(`GET /api/events?token=${'0'.repeat(64)} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`))).status).toBe(403);
    const listener = await open(bridge.token);
    let received = '';
    listener.on('data', (c: Buffer) => (received += c.toString('utf8')));
    // Clients that abort in different ways before any event is sent.
    const aborted = await Promise.all([open(bridge.token), open(bridge.token), open(bridge.token)]);
    aborted[0]!.destroy();
    aborted[1]!.resetAndDestroy();
    aborted[2]!.end();
    await new Promise((r) => setTimeout(r, 50));
    // Set up (which logs the administrator in) and log out through the bridge: the end of the session is pushed.
    const setup = await raw(send(post(JSON.stringify({ channel: 'setup:create', input: { institutionName: 'Familiehuset Lærkebo', admin: ADMIN } }))), 20_000);
    expect(json(setup).ok).toBe(true);
    const logout = await raw(send(post(JSON.stringify({ channel: 'session:logout', input: {} }))));
    expect(json(logout)).toEqual({ ok: true, value: null });
    await expect.poll(() => received, { timeout: 5_000 }).toContain('"event":"session:locked"');
    listener.destroy();
    await stillServing();
  });
});

describe('a failing backend is an internal error, not a crash', () => {
  async function withBackend(wrap: (real: BackendCore) => Backend, diagnose?: (m: string) => void) {
    const real = newBackend();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), 'x');
    const failing = await startBridge({ backend: wrap(real), rendererDir: dir, diagnose });
    const call = (body: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const { port: p } = new URL(failing.url);
        const req = http.request({ host: '127.0.0.1', port: p, path: '/api/invoke', method: 'POST', agent: false, headers: { Authorization: `Bearer ${failing.token}` } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.end(body);
      });
    return {
      call,
      close: async () => {
        await failing.close();
        await real.close();
      },
    };
  }
  const wrapping = (real: BackendCore, dispatch: Backend['dispatch']): Backend => ({
    dataDir: real.dataDir,
    subscribe: (listener) => real.subscribe(listener),
    close: () => real.close(),
    dispatch,
  });
  const internal = { ok: false, error: { code: 'internal', message: errorMessages.internal } };

  it.each([
    ['rejects', () => Promise.reject(new Error('boom'))],
    ['throws', () => {
      throw new Error('boom');
    }],
    ['rejects with a non-error', () => Promise.reject(Symbol('boom'))],
    ['returns what JSON cannot write', () => Promise.resolve({ ok: true, value: 10n } as never)],
    ['returns a circular value', () => {
      const value: Record<string, unknown> = {};
      value.self = value;
      return Promise.resolve({ ok: true, value } as never);
    }],
  ])('a dispatch that %s gives internal (with the Danish message)', async (_name, dispatch) => {
    const seen: string[] = [];
    const bridgeWith = await withBackend((real) => wrapping(real, dispatch as Backend['dispatch']), (m) => seen.push(m));
    try {
      const reply = await bridgeWith.call(JSON.stringify({ channel: 'app:status', input: {} }));
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toEqual(internal);
      expect(seen.length).toBeGreaterThan(0);
      // And again: one failure does not stop the next call.
      expect(JSON.parse((await bridgeWith.call(JSON.stringify({ channel: 'app:status', input: {} }))).body)).toEqual(internal);
    } finally {
      await bridgeWith.close();
    }
  });

  it('a diagnose that throws does not turn an internal error into a crash', async () => {
    const bridgeWith = await withBackend(
      (real) => wrapping(real, () => Promise.reject(new Error('boom'))),
      () => {
        throw new Error('console gone');
      },
    );
    try {
      expect(JSON.parse((await bridgeWith.call(JSON.stringify({ channel: 'app:status', input: {} }))).body)).toEqual(internal);
    } finally {
      await bridgeWith.close();
    }
  });

  it('the real backend with a throwing diagnose still answers (its handlers do not log on success)', async () => {
    const real = newBackend({
      diagnose: () => {
        throw new Error('console gone');
      },
    });
    const dir = tempDir();
    const b = await startBridge({ backend: real, rendererDir: dir });
    try {
      const { port: p } = new URL(b.url);
      const res = await fetch(`http://127.0.0.1:${p}/api/invoke`, { method: 'POST', headers: { Authorization: `Bearer ${b.token}` }, body: JSON.stringify({ channel: 'app:status', input: {} }) });
      expect((await res.json()) as unknown).toMatchObject({ ok: true });
    } finally {
      await b.close();
      await real.close();
    }
  });

  it('diagnostics of the hostile run never held request content', () => {
    for (const line of diagnostics) expect(line.length).toBeLessThan(2_000);
  });
});
