import type { DutyGap, ManningPhase } from '../../../../../shared/api';
import { inSentence, words } from '../../../../../shared/words';
import { formatDate } from '../../../format';

/** "Captain" → "captain", "Chief Engineer" → "chief engineer"; acronyms (ETO, AV/IT) and numbers stay as they are. */
export function titleInSentence(title: string): string {
  return title.replace(/\p{Lu}\p{Ll}+/gu, (word) => word.toLowerCase());
}

const MAX_RUNS = 3;

/** "No captain aboard on 28 days from 29 Nov 2026: 29 Nov 2026 – 12 Dec 2026, 10 Jan 2027 – 23 Jan 2027". */
export function gapSentence(gap: DutyGap): string {
  const first = gap.runs[0];
  if (!first) return '';
  const runs = gap.runs.slice(0, MAX_RUNS).map((run) => (run.from === run.to ? formatDate(run.from) : `${formatDate(run.from)} – ${formatDate(run.to)}`));
  const more = gap.runs.length > MAX_RUNS ? ` and ${gap.runs.length - MAX_RUNS} more` : '';
  return `No ${titleInSentence(gap.label)} aboard on ${gap.days} day${gap.days === 1 ? '' : 's'} from ${formatDate(first.from)}: ${runs.join(', ')}${more}`;
}

/** "4:2", or "4:2, restarts 15 Nov 2026" once a rotation has been staggered. */
export function describeRotation(rotation: string | null, restart: string | null): string {
  if (rotation === null) return '—';
  return restart ? `${rotation}, restarts ${formatDate(restart)}` : rotation;
}

/** A person's strip in words for screen readers: "aboard 1 Nov 2026 – 28 Nov 2026; on leave 29 Nov 2026 – 12 Dec 2026". */
export function describePhases(phases: ReadonlyArray<ManningPhase | null>, dates: readonly string[]): string {
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i <= phases.length; i += 1) {
    if (i < phases.length && phases[i] === phases[start]) continue;
    const phase = phases[start];
    if (phase) parts.push(`${inSentence(words.manningPhases[phase])} ${formatDate(dates[start])} – ${formatDate(dates[i - 1])}`);
    start = i;
  }
  return parts.join('; ');
}
