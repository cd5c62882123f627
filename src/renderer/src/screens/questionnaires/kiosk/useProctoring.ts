import { useEffect, useRef } from 'react';
import type { ReportedEventKind } from '../../../../../shared/questionnaires';
import { call } from '../../../api/client';

const IDLE_REPORT_SECONDS = 120;

/**
 * What the kiosk watches while a questionnaire is answered (docs/questionnaires.md#proctoring-events): the
 * window losing focus, long idle spells, pasting, and input that did not come from a person (a script's events
 * are not "trusted"). The core decides how much each weighs.
 */
export function useProctoring(sessionId: string, active: boolean, currentItem: string | null): void {
  const item = useRef(currentItem);
  useEffect(() => {
    item.current = currentItem;
  }, [currentItem]);
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const report = (kind: ReportedEventKind, seconds = 0) => void call('sessions.report', { sessionId, event: { kind, seconds, item: item.current } }).catch(() => undefined);
    const input = (event: Event) => {
      if (!event.isTrusted) report('syntheticInput');
      const idle = (Date.now() - last) / 1000;
      if (idle >= IDLE_REPORT_SECONDS) report('idle', Math.round(idle));
      last = Date.now();
    };
    const blur = () => report('focusLost');
    const paste = () => report('paste');
    window.addEventListener('keydown', input, true);
    window.addEventListener('click', input, true);
    window.addEventListener('blur', blur);
    window.addEventListener('paste', paste, true);
    return () => {
      window.removeEventListener('keydown', input, true);
      window.removeEventListener('click', input, true);
      window.removeEventListener('blur', blur);
      window.removeEventListener('paste', paste, true);
    };
  }, [sessionId, active]);
}
