/**
 * Candidate fit, success prediction and what-if: pure functions of plain data (docs/fit-and-prediction.md). The
 * core gathers positions, people, certificates, results and outcomes; these score, rank, predict and fit.
 */
export { oneWayAnova } from './anova';
export type { AnovaOutcome, AnovaResult, GroupSummary } from './anova';
export { FitInputError } from './errors';
export { harmonyAfter, prepareTeam } from './harmony-delta';
export type { PreparedTeam } from './harmony-delta';
export { cholesky, fitLogistic } from './logistic';
export type { LogisticFit } from './logistic';
export { environmentFactor, factorsFor, individualFactor, leaderFactor, logit, predict, sigmoid, traitRetention } from './predict';
export type { Factors, Prediction } from './predict';
export { byScore, percentiles, rankAll, rankCandidates } from './rank';
export type { RankedCandidate, Ranking } from './rank';
export { combine, fitScore, preparePosition, subScores } from './score';
export type { FitResult, PreparedPosition } from './score';
export { bestSwaps, compareSwaps, mergeSwaps } from './swaps';
export type { Swap, SwapMember, SwapOutcome, SwapSearch } from './swaps';
export { firstTour } from './tour';
export type { Tour } from './tour';
export type { Booking, CandidateData, FitSettings, PlacedResult, PositionData, ServiceRecord, SubScore, TeamBase, Visa } from './types';
export { checkThreshold, normaliseWeights, resolvePreset } from './weights';
export type { NamedWeights } from './weights';
export { changedTeam, whatIf } from './whatif';
export type { CrewChange, WhatIfFigures } from './whatif';
