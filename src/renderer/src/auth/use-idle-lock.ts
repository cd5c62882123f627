import { useEffect } from 'react';

/** What counts as someone at the keyboard: any key, click, movement of the mouse, scroll or touch. */
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Calls `lock` after `minutes` without keyboard or mouse input (0: never). Input only notes the time; one timer
 * looks again when the limit could first be reached, so moving the mouse costs nothing.
 */
export function useIdleLock(minutes: number, lock: () => void): void {
  useEffect(() => {
    if (minutes <= 0) return;
    const limit = minutes * 60_000;
    let lastInput = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const look = () => {
      const idle = Date.now() - lastInput;
      if (idle >= limit) lock();
      else timer = setTimeout(look, limit - idle);
    };
    const seen = () => {
      lastInput = Date.now();
    };
    for (const event of INPUT_EVENTS) window.addEventListener(event, seen, { capture: true, passive: true });
    timer = setTimeout(look, limit);
    return () => {
      clearTimeout(timer);
      for (const event of INPUT_EVENTS) window.removeEventListener(event, seen, { capture: true });
    };
  }, [minutes, lock]);
}
