import type { Verdict } from '../../../../shared/psychometrics';
import { VERDICT_BADGE } from './labels';
import { words } from '../../../../shared/words';

/**
 * A verdict as a badge. A result questionable only because no group was large enough to check it for random
 * answering says so, as its reasons do, rather than "Questionable" (no sign of careless answering was found).
 */
export function VerdictBadge({ verdict, unchecked = false }: { verdict: Verdict; unchecked?: boolean }) {
  if (unchecked && verdict === 'questionable')
    return (
      <span className="badge warn" title={words.uncheckedResult.explanation}>
        {words.uncheckedResult.badge}
      </span>
    );
  return <span className={`badge ${VERDICT_BADGE[verdict]}`}>{words.verdicts[verdict]}</span>;
}

/**
 * The verdict a result was given, and beside it — only when it differs — the verdict the validity rules in
 * force now would give. The given verdict never changes; the other is a view.
 */
export function VerdictBadges({ verdict, currentVerdict, unchecked = false }: { verdict: Verdict; currentVerdict: Verdict; unchecked?: boolean }) {
  return (
    <>
      <VerdictBadge verdict={verdict} unchecked={unchecked} />
      {currentVerdict !== verdict && <span className={`badge ${VERDICT_BADGE[currentVerdict]}`}>{words.verdicts[currentVerdict]} under the current rules</span>}
    </>
  );
}
