import { useEffect, useEffectEvent } from 'react';

export interface ShortcutHandlers {
  lock: () => void;
  newObservation: () => void;
  search: () => void;
  help: () => void;
}

/**
 * The shortcuts that work everywhere: Ctrl+L lock, Ctrl+N new observation, Ctrl+K search, ? help. The listener is
 * attached once; useEffectEvent hands it the handlers of the latest render, so a key pressed right after a state change
 * (a dialog that just closed) is never judged by an earlier render's state.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const key = event.key.toLowerCase();
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && key === 'l') {
      event.preventDefault();
      handlers.lock();
    } else if (ctrl && key === 'n') {
      event.preventDefault();
      handlers.newObservation();
    } else if (ctrl && key === 'k') {
      event.preventDefault();
      handlers.search();
    } else if (event.key === '?' && !(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement)) {
      handlers.help();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
