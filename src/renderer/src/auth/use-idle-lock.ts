import { useEffect } from 'react';

/** What counts as someone at the keyboard: any key, click, movement of the mouse, scroll or touch. */
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'mousemove', 'wheel', 'touchstart'] as const;

/** How often input tells the core the session is in use, at most. */
const IN_USE_EVERY_MS = 60_000;

/**
 * Calls `lock` after `minutes` without keyboard or mouse input (0: never). Input only notes the time; one timer
 * looks again when the limit could first be reached, so moving the mouse costs nothing.
 *
 * The core locks a session after the same minutes without a call (docs/security.md#sessions), and someone
 * reading a long list or typing a long form makes none: while there is input, `inUse` is called at most once a
 * minute so that the core sees the session used, and a form being typed is not lost to a lock nobody asked for.
 */
export function useIdleLock(minutes: number, lock: () => void, inUse: () => void): void {
  useEffect(() => {
    if (minutes <= 0) return;
    const limit = minutes * 60_000;
    let lastInput = Date.now();
    let lastInUse = lastInput;
    let timer: ReturnType<typeof setTimeout>;
    const look = () => {
      const idle = Date.now() - lastInput;
      if (idle >= limit) lock();
      else timer = setTimeout(look, limit - idle);
    };
    const seen = () => {
      lastInput = Date.now();
      if (lastInput - lastInUse >= IN_USE_EVERY_MS) {
        lastInUse = lastInput;
        inUse();
      }
    };
    for (const event of INPUT_EVENTS) window.addEventListener(event, seen, { capture: true, passive: true });
    timer = setTimeout(look, limit);
    return () => {
      clearTimeout(timer);
      for (const event of INPUT_EVENTS) window.removeEventListener(event, seen, { capture: true });
    };
  }, [minutes, lock, inUse]);
}
