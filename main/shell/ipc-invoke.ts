import { errorMessages, fail, type Result } from '../../common/errors';
import type { Backend } from '../core/backend';
import { isAppUrl } from './app-protocol';

/**
 * The ipcMain 'familiespor:invoke' handler, kept free of the electron import so the tests run it in Node with the
 * real backend. Only our own top-level page may call; a channel name must be a string (the dispatcher then looks it
 * up in the channel table — nothing is coerced); whatever happens — a throwing sender-frame getter, a dispatch that
 * throws or rejects, a diagnose that throws — the renderer gets a Result, never an exception.
 */
export interface InvokeEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export function createInvokeHandler(backend: Backend, diagnose: (message: string) => void = () => undefined) {
  const report = (message: string) => {
    try {
      diagnose(message);
    } catch {
      // Logging must not turn a refused call into a crash.
    }
  };
  return async (event: InvokeEvent, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    try {
      // Only our own top-level page may call the backend (not a frame inside it, not a page that navigated away).
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
        return fail('forbidden', 'Ukendt afsender.');
      }
      if (typeof channel !== 'string') return fail('unknown_channel');
      return await backend.dispatch(channel, input);
    } catch (err) {
      report(`IPC call failed: ${err instanceof Error ? (err.stack ?? err.message) : typeof err}`);
      return { ok: false, error: { code: 'internal', message: errorMessages.internal } };
    }
  };
}
