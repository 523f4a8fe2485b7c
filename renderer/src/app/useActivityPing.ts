import { useEffect, useRef } from 'react';
import { call } from './api';

/** Tells the backend that a person is here (throttled), so the idle lock measures real inactivity. */
export function useActivityPing() {
  const last = useRef(0);
  const throttle = useRef(30_000);
  useEffect(() => {
    const ping = () => {
      const now = Date.now();
      if (now - last.current < throttle.current) return;
      last.current = now;
      void call('session:ping', {})
        .then((r) => {
          throttle.current = Math.max(250, Math.min(30_000, Math.floor(r.idleLockMs / 4)));
        })
        .catch(() => undefined);
    };
    ping();
    const kinds = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const k of kinds) window.addEventListener(k, ping, { passive: true });
    return () => {
      for (const k of kinds) window.removeEventListener(k, ping);
    };
  }, []);
}
