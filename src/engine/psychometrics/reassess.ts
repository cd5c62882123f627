import type { CarelessReport, ValidityThresholds, Verdict } from '../../shared/psychometrics';
import type { ProctoringEvent } from '../../shared/questionnaires';
import { withProctoring } from './proctoring';
import { comparisonMinimum } from './comparison';
import { assessValidity, resolveCutoffs, type Finding } from './validity';

/** What a stored result keeps of its screening: enough to judge it again under other cut-offs. */
export interface StoredScreening {
  answered: number;
  items: number;
  careless: CarelessReport;
  responseTime: { totalSeconds: number | null; pageTimeIndex: number } | null;
  /** People the group indices compared the person with (the batch alone for results stored before this was kept). */
  comparedWith: number;
  /** Proctoring events of a questionnaire taken in the app (docs/questionnaires.md); they count as they did. */
  proctoring?: readonly ProctoringEvent[] | null;
}

export interface InstrumentFacts {
  min: number;
  max: number;
  hasFacets: boolean;
}

const value = (x: number | null | undefined) => (x === null || x === undefined ? Number.NaN : x);

/**
 * The verdict a stored result would get under the validity rules in force now: its stored indices held against
 * the current cut-offs. A view, never written back: the verdict the result was given stays as it was. Indices
 * computed from a group smaller than the engine now asks for count as not computed.
 */
export function reassess(stored: StoredScreening, instrument: InstrumentFacts, thresholds: ValidityThresholds): { verdict: Verdict; findings: Finding[] } {
  const context = { items: stored.items, min: instrument.min, max: instrument.max, hasFacets: instrument.hasFacets, thresholds };
  const minimum = comparisonMinimum(stored.items);
  const computed = stored.comparedWith >= minimum;
  const c = stored.careless;
  const group = (x: number | null) => (computed ? value(x) : Number.NaN);
  // A stored result keeps no count of the items that had a time; it was timed only if it was answered at all.
  const rt = stored.responseTime;
  const judged = assessValidity(
    {
      answered: stored.answered,
      longstringMax: value(c.longstringMax),
      irv: value(c.irv),
      mahalanobis: group(c.mahalanobis),
      evenOdd: value(c.evenOdd),
      evenOddFacets: value(c.evenOddFacets),
      psychSyn: group(c.psychSyn),
      psychAnt: group(c.psychAnt),
      totalSeconds: rt ? value(rt.totalSeconds) : Number.NaN,
      timedItems: rt ? stored.answered : 0,
      pageTimeIndex: rt ? rt.pageTimeIndex : 0,
    },
    context,
    resolveCutoffs(context),
    { computed, size: stored.comparedWith, minimum },
  );
  return stored.proctoring?.length ? withProctoring(judged.findings, stored.proctoring, thresholds) : judged;
}
