import type { EventName, EventPayload } from '../../common/channels';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Events pushed from the backend to whichever transport listens (ipcMain, the loopback bridge). */
export class EventHub {
  private listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A transport's failure to deliver must not stop the backend.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
