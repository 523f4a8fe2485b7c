import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge } from '../../main/bridge/http-bridge';
import type { BackendCore } from '../../main/core/backend';
import { newBackend, tempDir } from '../helpers';

let backend: BackendCore;
let bridge: Awaited<ReturnType<typeof startBridge>>;
let origin: string;

function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    // Host, port and the raw path: no client-side URL normalisation, so traversal attempts reach the server as sent.
    const { hostname, port } = new URL(origin);
    const req = http.request({ host: hostname, port, path: pathname, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

beforeAll(async () => {
  backend = newBackend();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Familiespor</title>');
  bridge = await startBridge({ backend, rendererDir });
  origin = new URL(bridge.url).origin;
});

afterAll(async () => {
  await bridge.close();
  await backend.close();
});

describe('loopback HTTP bridge', () => {
  it('listens on 127.0.0.1 only, with a random token in the URL', () => {
    expect(new URL(bridge.url).hostname).toBe('127.0.0.1');
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the renderer with a Content-Security-Policy', async () => {
    const res = await request('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    // Raw paths (node's URL parser would normalise "/../..").
    expect((await request('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
    expect((await request('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    // A malformed escape is refused, and the bridge keeps running.
    expect((await request('/%E0%A4%A')).status).toBe(400);
    expect((await request('/')).status).toBe(200);
  });

  it('refuses calls without the token, from another origin, or to another host name', async () => {
    const body = JSON.stringify({ channel: 'app:status', input: {} });
    expect((await request('/api/invoke', { method: 'POST', body })).status).toBe(403);
    expect((await request('/api/invoke', { method: 'POST', body, headers: { Authorization: 'Bearer ' + '0'.repeat(64) } })).status).toBe(403);
    expect((await request('/api/invoke', { method: 'POST', body, headers: { Authorization: `Bearer ${bridge.token}`, Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request('/', { headers: { Host: 'evil.example' } })).status).toBe(421);
    // The token in the query is only for the event stream.
    expect((await request(`/api/invoke?token=${bridge.token}`, { method: 'POST', body })).status).toBe(403);
    expect((await request('/api/invoke', { method: 'POST', body: 'null', headers: { Authorization: `Bearer ${bridge.token}` } })).status).toBe(400);
  });

  it('answers unparsable request targets and keeps running (these crashed the bridge once)', async () => {
    expect((await request('//')).status).toBe(404);
    expect((await request('http://[')).status).toBe(400);
    expect((await request('*', { method: 'OPTIONS' })).status).toBe(400);
    expect((await request('/')).status).toBe(200);
  });

  it('passes the channel as sent: a non-string is unknown_channel, never coerced to a name', async () => {
    const auth = { Authorization: `Bearer ${bridge.token}` };
    for (const channel of [42, null, { toString: 'app:status' }, ['app:status'], { name: 'app:status' }]) {
      const res = await request('/api/invoke', { method: 'POST', body: JSON.stringify({ channel, input: {} }), headers: auth });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).error.code).toBe('unknown_channel');
    }
    for (const body of ['[]', '42', '"app:status"', 'true']) {
      expect((await request('/api/invoke', { method: 'POST', body, headers: auth })).status).toBe(400);
    }
    expect(JSON.parse((await request('/api/invoke', { method: 'POST', body: JSON.stringify({ channel: 'app:status', input: {} }), headers: auth })).body).ok).toBe(true);
  });

  it('forwards calls to the same dispatch as ipcMain', async () => {
    const res = await request('/api/invoke', { method: 'POST', body: JSON.stringify({ channel: 'app:status', input: {} }), headers: { Authorization: `Bearer ${bridge.token}` } });
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { setupDone: false, institutionName: null, session: null, recovering: false, keyFileDamaged: false, server: null } });
    const bad = await request('/api/invoke', { method: 'POST', body: JSON.stringify({ channel: 'app:status', input: 'x' }), headers: { Authorization: `Bearer ${bridge.token}` } });
    expect(JSON.parse(bad.body).error.code).toBe('invalid_input');
  });
});
