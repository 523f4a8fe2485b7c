import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from '../../../common/channels';
import { errorMessages, type AppError, type Result } from '../../../common/errors';

/** What preload exposes in Electron. In the browser mode the same calls go over the loopback bridge. */
interface Bridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    familiespor?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
  get code() {
    return this.error.code;
  }
}

/** Browsers allow 64 KiB of keepalive request bodies in flight; a little room is left. */
const KEEPALIVE_MAX_BYTES = 60_000;
const encoder = new TextEncoder();

function httpBridge(): Bridge {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('familiespor-token', fromUrl);
    // Keep the token out of the address bar and history.
    window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  }
  const token = sessionStorage.getItem('familiespor-token') ?? '';
  return {
    async invoke(channel, input) {
      const body = JSON.stringify({ channel, input });
      const response = await fetch('./api/invoke', {
        method: 'POST',
        // keepalive: a draft saved while the tab closes still reaches the backend. Browsers refuse a keepalive request
        // whose body is over 64 kB (a long pasted note), so those go without it and get the backend's own answer.
        keepalive: encoder.encode(body).length < KEEPALIVE_MAX_BYTES,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body,
      });
      // Not 'unauthenticated': a refused token is not a lost session, and must not trigger a reload loop.
      if (!response.ok) return { ok: false, error: { code: 'forbidden', message: 'Forbindelsen til Familiespor er afbrudt. Genstart programmet.' } };
      return (await response.json()) as Result<unknown>;
    },
    onEvent(listener) {
      const source = new EventSource(`./api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message) => {
        const data = JSON.parse(message.data as string) as { event: string; payload: unknown };
        listener(data.event, data.payload);
      };
      return () => source.close();
    },
  };
}

const bridge: Bridge = window.familiespor ?? httpBridge();

type Listener = (error: AppError) => void;
const sessionLostListeners = new Set<Listener>();

/** Calls one channel; resolves with its value or rejects with an ApiError carrying the Danish message. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result: Result<unknown>;
  try {
    result = await bridge.invoke(channel, input);
  } catch {
    result = { ok: false, error: { code: 'internal', message: errorMessages.internal } };
  }
  if (result.ok) return result.value as ChannelOutput<C>;
  if (result.error.code === 'unauthenticated') for (const l of sessionLostListeners) l(result.error);
  throw new ApiError(result.error);
}

export function onSessionLost(listener: Listener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge.onEvent((event, payload) => {
    if (event === name) listener(payload as EventPayload<E>);
  });
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return errorMessages.internal;
}

/** Work that must finish before the session ends (an open draft's last keystrokes), registered by open forms. */
const beforeLock = new Set<() => Promise<void>>();
export function onBeforeLock(flush: () => Promise<void>): () => void {
  beforeLock.add(flush);
  return () => beforeLock.delete(flush);
}
export async function flushBeforeLock(): Promise<void> {
  await Promise.all([...beforeLock].map((f) => f().catch(() => undefined)));
}
