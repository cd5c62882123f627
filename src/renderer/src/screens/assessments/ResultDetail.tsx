import { Link, useLocation } from 'wouter';
import type { ResultDetail as Detail } from '../../../../shared/api';
import type { ValidityIndex } from '../../../../shared/psychometrics';
import { useArchiveWithUndo } from '../../api/archive';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { fixed } from './labels';
import { NormPlacementView } from './NormPlacementView';
import { ArchiveToggle } from '../../components/ArchiveToggle';
import { Can } from '../../auth/Can';
import { VerdictBadges } from './VerdictBadges';
import { capitalised, words } from '../../../../shared/words';
import { SessionFacts } from '../questionnaires/profile/SessionFacts';

const MEANING = {
  valid: 'No index of careless responding crossed its cut-off.',
  questionable: 'Some answers look careless, or could not be checked: read the scores with care, and consider asking the person to answer again.',
  invalid: 'The answers do not describe the person reliably: do not use these scores for decisions.',
} as const;

/** Who the answer pattern was compared with, in words; null when it was not (the reasons say why). */
function comparedWith(r: Detail): string | null {
  const c = r.comparison;
  if (c !== null && c.size < c.minimum) return null;
  if (c !== null && c.reference > 0) return `Answer patterns were compared with ${c.size} people: the ${r.batchSize} scored together and ${c.reference} stored results of ${words.populations[r.context]}.`;
  return `Answer patterns were compared within the batch of ${r.batchSize} scored together.`;
}

/** Indices not computed for the same reason, named together: "Mahalanobis D², Psychometric synonyms: …". */
function byReason(notComputed: Detail['notComputed']): Array<{ names: string; message: string }> {
  const groups = new Map<string, string[]>();
  for (const n of notComputed) groups.set(n.message, [...(groups.get(n.message) ?? []), words.validityIndices[n.index]]);
  return [...groups].map(([message, names]) => ({ names: capitalised(names.join(', ')), message }));
}

/** Why an invalid result's percentiles are greyed, or null when they are not. */
function invalidBecause(r: Detail): string | null {
  if (r.verdict === 'invalid') return `These answers were judged invalid: ${r.reasons[0]?.message ?? ''}`;
  if (r.currentVerdict === 'invalid') return `Under the current validity rules these answers are invalid: ${r.currentReasons[0]?.message ?? ''}`;
  return null;
}

/**
 * One stored result: the validity verdict first — with its reasons, what could not be computed, and the verdict
 * the current rules would give — then the scores against a norm, greyed when the answers are invalid.
 */
export function ResultDetail({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const detail = useApiQuery('assessments.get', { id });
  const archive = useArchiveWithUndo('assessments', ['assessments.']);
  if (detail.isPending) return <p className="page muted">Loading…</p>;
  if (detail.isError)
    return (
      <section className="page">
        <p className="notice bad">{detail.error.message}</p>
        <Link href="/">Back to the results</Link>
      </section>
    );
  const r = detail.data;
  const what = `${r.personName}'s result of ${formatDate(r.takenOn)}`;
  const c = r.careless;
  const greyed = invalidBecause(r);
  const notComputed = new Map(r.notComputed.map((n) => [n.index, n.message]));
  const figure = (index: ValidityIndex, value: string) => (notComputed.has(index) ? 'not computed' : value);
  return (
    <section className="page">
      <header className="page-header">
        <div className="grow">
          <Link href="/" className="muted">
            ← Assessments
          </Link>
          <h1>
            <Link href={`~/crew/${r.personId}`}>{r.personName}</Link> · {formatDate(r.takenOn)}
          </h1>
          <p className="muted">
            {r.instrumentName} · {words.assessmentContexts[r.context]} · answered {r.answered} of {r.items} items · {r.batchSize === 1 ? 'scored on its own' : `scored in a batch of ${r.batchSize}`}
            {r.sourceFile ? ` from ${r.sourceFile}` : ''}
            {r.archivedAt ? ' · archived' : ''}
          </p>
        </div>
        <Link href={`/${r.id}/profile`} className="button">
          Profile
        </Link>
        <Can need="assessments.write">
          <ArchiveToggle archived={Boolean(r.archivedAt)} prominentRestore onArchive={() => archive.archive(r.id, what, () => navigate('/'))} onRestore={() => archive.restore(r.id, what)} />
        </Can>
      </header>
      <div className="card">
        <h2>
          Validity: <VerdictBadges verdict={r.verdict} currentVerdict={r.currentVerdict} />
        </h2>
        <p>
          {r.unchecked
            ? words.uncheckedResult.explanation
            : r.verdict === 'valid' && r.notComputed.length > 0
              ? 'No index that could be computed crossed its cut-off; the ones that could not are listed below.'
              : MEANING[r.verdict]}
        </p>
        {r.reasons.length > 0 && (
          <ul aria-label="Reasons">
            {r.reasons.map((reason) => (
              <li key={reason.index}>{reason.message}</li>
            ))}
          </ul>
        )}
        {r.notComputed.length > 0 && (
          <>
            <h3>Not computed</h3>
            <ul aria-label="Not computed">
              {byReason(r.notComputed).map((n) => (
                <li key={n.names}>
                  <strong>{n.names}:</strong> {n.message}
                </li>
              ))}
            </ul>
          </>
        )}
        {comparedWith(r) && <p className="muted">{comparedWith(r)}</p>}
        {r.session && <SessionFacts session={r.session} />}
        {r.currentVerdict !== r.verdict && (
          <div className="notice warn" role="status">
            <p>
              Under the validity rules in force now this result would be <strong>{words.verdicts[r.currentVerdict].toLowerCase()}</strong>. The verdict it was given stays as it is; change the rules under
              Validity rules.
            </p>
            {r.currentReasons.length > 0 && (
              <ul aria-label="Reasons under the current rules">
                {r.currentReasons.map((reason) => (
                  <li key={reason.index}>{reason.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <details>
          <summary>Careless-responding indices</summary>
          <dl className="facts">
            <dt>{capitalised(words.validityIndices.longstringMax)}</dt>
            <dd>{fixed(c.longstringMax, 0)}</dd>
            <dt>{capitalised(words.validityIndices.irv)}</dt>
            <dd>{figure('irv', fixed(c.irv))}</dd>
            <dt>{words.validityIndices.mahalanobis}</dt>
            <dd>
              {figure('mahalanobis', fixed(c.mahalanobis, 1))}
              {c.mahalanobisFlag ? ' (unusual for the group compared with)' : ''}
            </dd>
            <dt>{capitalised(words.validityIndices.evenOdd)}</dt>
            <dd>{figure(c.evenOddFacets === null ? 'evenOdd' : 'evenOddFacets', fixed(c.evenOddFacets ?? c.evenOdd))}</dd>
            <dt>
              {capitalised(words.validityIndices.psychSyn)} / {words.validityIndices.psychAnt}
            </dt>
            <dd>
              {figure('psychSyn', fixed(c.psychSyn))} / {figure('psychAnt', fixed(c.psychAnt))}
            </dd>
          </dl>
        </details>
      </div>
      <div className="card">
        <h2>Scores</h2>
        {greyed && (
          <p className="notice bad" role="alert">
            {greyed} The percentiles are greyed: do not use them for decisions.
          </p>
        )}
        <NormPlacementView result={r} greyed={greyed} />
      </div>
    </section>
  );
}
