import type { ScoringConfig } from '../../shared/fit/model';
import type { CandidateData, SubScore } from './types';

/**
 * Engagement (docs/fit-and-prediction.md#engagement): a usable questionnaire result on file, how complete the
 * profile is, and the share of invitations answered; the mean of the parts that exist. Harmony Crew sends no
 * invitations yet, so that part is left out for everyone and the screen says so.
 */
export function engagementScore(candidate: Pick<CandidateData, 'result' | 'completeness' | 'invitations'>, config: ScoringConfig['engagement']): SubScore {
  const out: SubScore = { name: 'engagement', score: null, confidence: 1, strengths: [], gaps: [], notes: [] };
  const parts: number[] = [];
  const verdict = candidate.result?.verdict;
  parts.push(verdict === 'valid' ? config.validResult : verdict === 'questionable' ? config.questionableResult : 0);
  if (verdict === 'valid') out.strengths.push('A valid questionnaire result on file');
  else if (verdict === 'questionable') {
    out.gaps.push(candidate.result?.unchecked ? 'Their questionnaire result is not yet checked for random answering' : 'Their questionnaire result looks careless in places');
  }
  else out.gaps.push('No usable questionnaire result');
  const { filled, total, missing } = candidate.completeness;
  if (total > 0) {
    parts.push(filled / total);
    if (filled === total) out.strengths.push('Profile complete');
    else out.gaps.push(`Profile incomplete: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}`);
  }
  const invitations = candidate.invitations;
  if (invitations && invitations.sent > 0) parts.push(invitations.answered / invitations.sent);
  else out.notes.push('Response to invitations is not measured yet: Harmony Crew does not send invitations.');
  out.score = parts.reduce((s, p) => s + p, 0) / parts.length;
  return out;
}
