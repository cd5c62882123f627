/**
 * The psychometric engine: pure functions of plain data (docs/psychometrics.md, formula by formula). Files are
 * read by the caller; texts and typed arrays come in, typed arrays and plain records go out.
 */
export { analyze, buildSampleModel, checkAnalysisInput, finishAnalysis, firstPassInput, planComparison } from './analysis';
export type { AnalysisControl, AnalysisInput, AnalysisResult, SampleModel } from './analysis';
export { BLOCK_ROWS, blockRanges, firstPass, secondPass } from './blocks';
export type { FirstPass, FirstPassInput, SecondPass, SecondPassInput } from './blocks';
export { critvalPairs, evenOdd, irv, longstring, selectPairs, synonymScore } from './careless';
export type { ItemPair } from './careless';
export { comparisonMinimum } from './comparison';
export type { Comparison, ReferenceSample } from './comparison';
export { asInputError } from './csv';
export { PsychometricsInputError } from './errors';
export { instrumentSummary, parseInstrumentDefinition, parseInstrumentJson, parseKeysCsv } from './instruments';
export { buildIpipNeo120, IPIP_NEO_120_ID } from './ipip-neo-120';
export type { BigFiveSources } from './ipip-neo-120';
export { layoutFor, localName } from './layout';
export type { Layout, ScaleLayout } from './layout';
export { accumulateMoments, mergeMoments, pairwiseCorrelation, pairwiseCovariance } from './moments';
export type { Moments } from './moments';
export { checkNormPopulation, normScores, parseNormsCsv } from './norms';
export { computeLocalGroups, DEFAULT_MIN_GROUP_SIZE, groupLabel, latestUsable, localNorms, postOn } from './local-groups';
export type { LocalGroupsInput, LocalGroupsOutput, LocalNormGroup, LocalNormRecord, Post, Stint, StoredResults } from './local-groups';
export { feldtInterval, reliability } from './reliability';
export type { Reliability } from './reliability';
export { analysisReport, analysisSummary, personReport, reliabilityReport, resultTable } from './report';
export { parseResponsesCsv, parseResponseTimesCsv, responsesFromRows, responseTimesFromRows } from './responses';
export type { ResponseMatrix, ResponseRow, ResponseTimes } from './responses';
export { responseTimeIndices } from './response-time';
export { reassess } from './reassess';
export type { InstrumentFacts, StoredScreening } from './reassess';
export { assessValidity, COMPARISON_INDEX, mahalanobisCutoff, onlyUnchecked, resolveCutoffs, verdictOf } from './validity';
export type { Finding } from './validity';
export { placeOnLocalGroup, placeOnTable } from './placement';
export type { PlacedScore, Placement, PlacementStatus, ScoreToPlace } from './placement';
