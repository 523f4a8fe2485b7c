import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appProtocolResponse, isAppUrl } from '../../main/shell/app-protocol';
import { CSP, CSP_DIRECTIVES } from '../../main/static/csp';
import { MAX_PATH, resolveStatic } from '../../main/static/static-files';
import { tempDir } from '../helpers';

// A renderer folder with a secret file beside it (outside), a symlink pointing out, a directory and a nested file.
let base: string;
let rendererDir: string;

beforeAll(() => {
  base = tempDir('familiespor-static-');
  rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Familiespor</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'main-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'style.css'), 'body{}');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'mærke æøå.svg'), '<svg/>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'data.bin'), 'x');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'CPR 010203-1234');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(rendererDir, 'escape.txt'));
  fs.symlinkSync(base, path.join(rendererDir, 'up'));
  // A symlink that stays inside is fine.
  fs.symlinkSync(path.join(rendererDir, 'assets', 'style.css'), path.join(rendererDir, 'alias.css'));
});

describe('resolveStatic: the one static-file server', () => {
  it("serves '/' as index.html with the CSP, and files by their raw path", () => {
    const root = resolveStatic(rendererDir, '/');
    expect(root).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
    if (root.status !== 200) throw new Error('unreachable');
    expect(root.file).toBe(fs.realpathSync(path.join(rendererDir, 'index.html')));
    expect(root.headers['Content-Security-Policy']).toBe(CSP);
    expect(root.headers['X-Content-Type-Options']).toBe('nosniff');

    const js = resolveStatic(rendererDir, '/assets/main-abc123.js');
    expect(js).toMatchObject({ status: 200, contentType: 'text/javascript; charset=utf-8' });
    // Only HTML carries the CSP.
    expect(js.status === 200 && 'Content-Security-Policy' in js.headers).toBe(false);
    expect(resolveStatic(rendererDir, '/index.html')).toMatchObject({ status: 200 });
    expect(resolveStatic(rendererDir, '/assets/m%C3%A6rke%20%C3%A6%C3%B8%C3%A5.svg')).toMatchObject({ status: 200, contentType: 'image/svg+xml' });
    expect(resolveStatic(rendererDir, '/assets/data.bin')).toMatchObject({ status: 200, contentType: 'application/octet-stream' });
    expect(resolveStatic(rendererDir, '/alias.css')).toMatchObject({ status: 200, contentType: 'text/css; charset=utf-8' });
  });

  it.each([
    '/%E0%A4%A',
    '/%',
    '/%zz',
    '/assets/%C3%28.js',
    '/%ED%A0%80', // a lone surrogate
  ])('answers bad percent-encoding %s with 400', (raw) => {
    expect(resolveStatic(rendererDir, raw)).toEqual({ status: 400 });
  });

  it.each([
    ['', 'empty'],
    ['index.html', 'no leading slash'],
    ['C:/Windows/win.ini', 'drive letter without slash'],
    ['*', 'asterisk form'],
    ['http://127.0.0.1/index.html', 'absolute form'],
    ['/' + 'a'.repeat(MAX_PATH), 'too long'],
  ])('answers a malformed path with 400: %s (%s)', (raw) => {
    expect(resolveStatic(rendererDir, raw)).toEqual({ status: 400 });
  });

  it.each([undefined, null, 42, {}, ['/'], Symbol('x')])('answers a non-string with 400: %s', (raw) => {
    expect(resolveStatic(rendererDir, raw as unknown)).toEqual({ status: 400 });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/.%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/assets\\..\\..\\secret.txt',
    '/%2fetc%2fpasswd',
    '/%2Fetc/passwd',
    '//etc/passwd',
    '//server/share/file',
    '/./index.html',
    '/assets/./style.css',
    '/assets//style.css',
    '/assets/',
    '/assets',
    '/index.html%00.png',
    '/index.html%00',
    '/%00',
    '/C:/Windows/win.ini',
    '/C:%5cWindows%5cwin.ini',
    '/c%3a/Windows/win.ini',
    '/index.html::$DATA',
    '/index.html.',
    '/index.html%20',
    '/CON',
    '/nul.txt',
    '/assets/COM1.js',
    '/escape.txt',
    '/up/secret.txt',
    '/up',
    '/missing.js',
    '/index.html%0a',
    '/%e2%80%a8',
  ])('refuses %s with 404 (traversal, separators, NUL, drive letters, symlinks out, directories, missing)', (raw) => {
    expect(resolveStatic(rendererDir, raw)).toEqual({ status: 404 });
  });

  it('refuses everything when the renderer folder itself does not exist', () => {
    expect(resolveStatic(path.join(base, 'nope'), '/')).toEqual({ status: 404 });
  });

  it('the CSP allows only the app itself: no inline code, no eval, no plugins, no framing, no forms, no <base>', () => {
    expect(CSP).toBe(CSP_DIRECTIVES.join('; '));
    const directives = new Map(CSP_DIRECTIVES.map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CSP).not.toMatch(/unsafe-|\*|https?:|blob:/);
  });
});

describe('the app:// protocol handler (what electron-main passes to protocol.handle)', () => {
  it('serves index.html with the CSP and the bundle, and nothing else', async () => {
    const res = await appProtocolResponse(rendererDir, 'app://familiespor/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(await res.text()).toContain('<title>Familiespor</title>');
    const js = await appProtocolResponse(rendererDir, 'app://familiespor/assets/main-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const head = await appProtocolResponse(rendererDir, 'app://familiespor/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    ['app://familiespor/..%2fsecret.txt', 404],
    ['app://familiespor/%2e%2e/secret.txt', 404],
    ['app://familiespor/escape.txt', 404],
    ['app://familiespor/assets', 404],
    ['app://familiespor/%E0%A4%A', 400],
    ['app://other/index.html', 404],
    ['app://familiespor.evil/index.html', 404],
    ['file:///etc/passwd', 404],
    ['not a url', 400],
    ['app://[', 400],
  ])('%s → %i', async (url, status) => {
    expect((await appProtocolResponse(rendererDir, url)).status).toBe(status);
  });

  it('refuses other methods and non-string URLs, and never throws', async () => {
    expect((await appProtocolResponse(rendererDir, 'app://familiespor/', 'POST')).status).toBe(405);
    expect((await appProtocolResponse(rendererDir, 42)).status).toBe(400);
    expect((await appProtocolResponse(rendererDir, { toString: () => 'app://familiespor/' })).status).toBe(400);
    expect((await appProtocolResponse(path.join(base, 'nope'), 'app://familiespor/')).status).toBe(404);
  });

  it('knows its own origin', () => {
    expect(isAppUrl('app://familiespor/index.html')).toBe(true);
    expect(isAppUrl('app://familiespor/#/familier/3')).toBe(true);
    expect(isAppUrl('app://familiespor.evil/')).toBe(false);
    expect(isAppUrl('app://evil/')).toBe(false);
    expect(isAppUrl('https://familiespor/')).toBe(false);
    expect(isAppUrl('file:///C:/x.html')).toBe(false);
    expect(isAppUrl('app://[')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});
