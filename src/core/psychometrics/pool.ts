import { perCore } from '../per-core';
import { PsychometricsPool } from './psychometrics-pool';

/** One psychometrics worker pool per core, started on first use and closed with the core. */
export const psychometricsPool = perCore(
  () => new PsychometricsPool(),
  (pool) => pool.close(),
);
