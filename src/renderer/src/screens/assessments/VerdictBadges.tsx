import type { Verdict } from '../../../../shared/psychometrics';
import { VERDICT_BADGE } from './labels';
import { words } from '../../../../shared/words';

/**
 * The verdict a result was given, and beside it — only when it differs — the verdict the validity rules in
 * force now would give. The given verdict never changes; the other is a view.
 */
export function VerdictBadges({ verdict, currentVerdict }: { verdict: Verdict; currentVerdict: Verdict }) {
  return (
    <>
      <span className={`badge ${VERDICT_BADGE[verdict]}`}>{words.verdicts[verdict]}</span>
      {currentVerdict !== verdict && <span className={`badge ${VERDICT_BADGE[currentVerdict]}`}>{words.verdicts[currentVerdict]} under the current rules</span>}
    </>
  );
}
