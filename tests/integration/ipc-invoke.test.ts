import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../common/errors';
import type { Backend, BackendCore } from '../../main/core/backend';
import { createInvokeHandler, type InvokeEvent } from '../../main/shell/ipc-invoke';
import { newBackend } from '../helpers';

/**
 * The ipcMain 'familiespor:invoke' handler (main/shell/ipc-invoke.ts), run in Node with the real backend: the sender
 * frame is checked, channel names must be strings, and nothing — a throwing frame getter, a dispatch that throws or
 * rejects, a throwing diagnose — reaches Electron as an exception.
 */
let backend: BackendCore;
let dispatched: unknown[];
let counting: Backend;

beforeAll(() => {
  backend = newBackend();
  dispatched = [];
  counting = {
    dataDir: backend.dataDir,
    subscribe: (l) => backend.subscribe(l),
    close: () => backend.close(),
    dispatch: (channel, input) => {
      dispatched.push(channel);
      return backend.dispatch(channel, input);
    },
  };
});

afterAll(async () => {
  await backend.close();
});

const top = (url = 'app://familiespor/index.html'): InvokeEvent => ({ senderFrame: { url, parent: null } });
const internal = { ok: false, error: { code: 'internal', message: errorMessages.internal } };

describe('ipcMain invoke handler', () => {
  it('passes a call from our own top-level page to the backend', async () => {
    const handler = createInvokeHandler(counting);
    expect(await handler(top(), 'app:status', {})).toMatchObject({ ok: true, value: { setupDone: false, session: null } });
    expect(await handler(top('app://familiespor/#/familier'), 'app:status', {})).toMatchObject({ ok: true });
    expect(await handler(top(), 'app:status', 'x')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it.each([
    ['no frame (disposed)', { senderFrame: null }],
    ['a subframe', { senderFrame: { url: 'app://familiespor/index.html', parent: { url: 'app://familiespor/' } } }],
    ['another origin', top('https://example.com/')],
    ['a look-alike host', top('app://familiespor.evil/index.html')],
    ['a file:// page', top('file:///C:/Users/x/index.html')],
    ['a frame URL that is not a string', { senderFrame: { url: 42 as unknown as string, parent: null } }],
  ])('refuses %s', async (_name, event) => {
    dispatched.length = 0;
    expect(await createInvokeHandler(counting)(event as InvokeEvent, 'app:status', {})).toEqual({ ok: false, error: { code: 'forbidden', message: 'Ukendt afsender.' } });
    expect(dispatched).toEqual([]);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { name: 'app:status' }],
    ['an object with toString', { toString: () => 'app:status' }],
    ['an array holding a channel name', ['app:status']],
    ['a symbol', Symbol('app:status')],
  ])('refuses a channel that is %s without coercing it', async (_name, channel) => {
    dispatched.length = 0;
    expect(await createInvokeHandler(counting)(top(), channel, {})).toEqual({ ok: false, error: { code: 'unknown_channel', message: errorMessages.unknown_channel } });
    expect(dispatched).toEqual([]);
  });

  it('strings not in the channel table are unknown_channel from the dispatcher, whatever their size', async () => {
    const handler = createInvokeHandler(backend);
    for (const name of ['db:dropAll', 'constructor', '__proto__', 'x'.repeat(2 * 1024 * 1024)]) {
      const result = await handler(top(), name, {});
      expect(result).toEqual({ ok: false, error: { code: 'unknown_channel', message: errorMessages.unknown_channel } });
    }
  });

  it('a 2 MB key in the input comes back bounded', async () => {
    const result = await createInvokeHandler(backend)(top(), 'app:status', { ['k'.repeat(2 * 1024 * 1024)]: 1 });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('boom'))],
    ['throws', () => {
      throw new Error('boom');
    }],
    ['rejects with a non-error', () => Promise.reject(undefined)],
  ])('a dispatch that %s gives internal with the Danish message', async (_name, dispatch) => {
    const failing: Backend = { ...counting, dispatch: dispatch as Backend['dispatch'] };
    const seen: string[] = [];
    expect(await createInvokeHandler(failing, (m) => seen.push(m))(top(), 'app:status', {})).toEqual(internal);
    expect(seen).toHaveLength(1);
    // And a diagnose that throws changes nothing.
    const throwing = () => {
      throw new Error('console gone');
    };
    expect(await createInvokeHandler(failing, throwing)(top(), 'app:status', {})).toEqual(internal);
  });

  it('a sender frame whose getter throws (frame disposed mid-call) gives internal', async () => {
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await createInvokeHandler(counting)(event, 'app:status', {})).toEqual(internal);
  });
});
