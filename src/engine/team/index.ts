/**
 * Team dynamics: pure functions of plain data (docs/team-dynamics.md). The core gathers members, results,
 * norms and assignments; these turn them into composition, fit, harmony, volatility and a diagnosis.
 */
export { aboardOn, inPost, isAboard, stintFrom } from './aboard';
export type { Stint } from './aboard';
export { dayNumber, isoDay } from './days';
export { memberFit } from './fit';
export type { DomainDifference, MemberFit } from './fit';
export { bandOf, harmonyIndex, subScore, traitValues } from './harmony';
export type { Harmony, HarmonyComponent } from './harmony';
export { teamReportEntry } from './report';
export { rotationPairs } from './rotation-pairs';
export type { RotationPair } from './rotation-pairs';
export { describe, EMPTY_STATS } from './stats';
export type { Stats } from './stats';
export { analyzeTeam } from './team';
export type { Insight, ScaleFigures, ScaleInfo, Severity, TeamFigures, TeamInput, TeamMemberInput } from './types';
export { rotationChurn, turnover, volatility } from './volatility';
export type { PulseSeries, Volatility, VolatilityPart, VolatilityPoint } from './volatility';
export { listNames } from './words';
export { parseTeamsCsv } from './teams-csv';
