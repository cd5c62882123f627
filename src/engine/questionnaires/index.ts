export { aggregate, breakdown, OTHER_GROUPS, withheldMessage, type Aggregate } from './anonymity';
export { HIGH_ABOVE_T, levelOf, LOW_BELOW_T, paragraphs, type ScoreLevel } from './interpretation';
export {
  assessReported,
  FAST_STREAK_HIGH,
  FAST_STREAK_MIN,
  fastStreaks,
  IDLE_MEDIUM_SECONDS,
  IDLE_REPORT_SECONDS,
  MEDIUM_EVENTS_QUESTIONABLE,
  proctoringFindings,
  withProctoring,
  type TimedAnswer,
} from '../psychometrics/proctoring';
export { pulseMean, roundStart } from './pulse';
