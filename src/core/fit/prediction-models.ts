import { desc } from 'drizzle-orm';
import { PREDICTORS, type Coefficients } from '../../shared/fit/model';
import type { ModelSummary, PredictionModel } from '../../shared/api';
import { fitLogistic, FitInputError } from '../../engine/fit';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { readFleetSettings, writeFleetSetting } from '../db/fleet-settings';
import { predictionModels } from '../db/schema';
import { write } from '../db/writes';
import { predictionDefaults } from './models';
import { currentOperator } from './operator';
import { usableOutcomes } from './outcomes';

/**
 * Prediction models (docs/fit-and-prediction.md#recalibration): the shipped research defaults, and models fitted
 * to this fleet's outcomes, each stored with its data size, fit and date. The user chooses the active one (a fleet
 * setting that travels with sync, src/core/db/fleet-settings.ts); a model fitted later never replaces the active one
 * by itself.
 */
const ACTIVE_KEY = 'fit.activeModel';

function shipped(active: boolean): PredictionModel {
  const d = predictionDefaults();
  return { id: d.version, version: d.version, shipped: true, active, coefficients: d.coefficients, n: 0, events: 0, fit: { sources: d.sources }, author: null, createdAt: null };
}

function activeId(ctx: ServiceContext): string {
  const value = readFleetSettings(ctx.sqlite(), ACTIVE_KEY).get(ACTIVE_KEY);
  return typeof value === 'string' ? value : predictionDefaults().version;
}

export function listModels(ctx: ServiceContext): PredictionModel[] {
  const active = activeId(ctx);
  const fitted = ctx.db().select().from(predictionModels).orderBy(desc(predictionModels.createdAt)).all();
  return [
    shipped(active === predictionDefaults().version || !fitted.some((m) => m.id === active)),
    ...fitted.map((m): PredictionModel => ({ id: m.id, version: m.version, shipped: false, active: m.id === active, coefficients: m.coefficients, n: m.n, events: m.events, fit: m.fit, author: m.author, createdAt: m.createdAt })),
  ];
}

export function activeModel(ctx: ServiceContext): { coefficients: Coefficients; summary: ModelSummary } {
  const model = listModels(ctx).find((m) => m.active)!;
  return { coefficients: model.coefficients, summary: { id: model.id, version: model.version, n: model.n, events: model.events, fittedAt: model.createdAt, shipped: model.shipped } };
}

export function activateModel(ctx: ServiceContext, id: string): PredictionModel {
  return write(ctx.sqlite(), () => {
    if (!listModels(ctx).some((m) => m.id === id)) throw notFound('predictionModel', id);
    writeFleetSetting(ctx.sqlite(), ACTIVE_KEY, id);
    return listModels(ctx).find((m) => m.id === id)!;
  });
}

/** Outcomes with every predictor known; how many of each kind; how many are needed (events per predictor). */
export function calibrationData(ctx: ServiceContext) {
  const rows = usableOutcomes(ctx);
  const events = rows.filter((r) => r.success).length;
  const needed = predictionDefaults().minEventsPerPredictor * PREDICTORS.length;
  return { rows, events, nonEvents: rows.length - events, needed };
}

export function recalibrate(ctx: ServiceContext): PredictionModel {
  const { rows, events, nonEvents, needed } = calibrationData(ctx);
  if (Math.min(events, nonEvents) < needed) {
    throw new AppError(
      'CONFLICT',
      `Too few outcomes to recalibrate: ${events} rated successes and ${nonEvents} other outcomes with every predictor known; at least ${needed} of each are needed (${predictionDefaults().minEventsPerPredictor} per predictor). Until then the research defaults are used.`,
    );
  }
  const p = PREDICTORS.length + 1;
  const x = new Float64Array(rows.length * p);
  const y = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    x.set([1, ...PREDICTORS.map((name) => r.factors[name]! - 0.5)], i * p);
    y[i] = r.success ? 1 : 0;
  });
  let fit;
  try {
    fit = fitLogistic(x, y, p);
  } catch (error) {
    if (error instanceof FitInputError) throw new AppError('CONFLICT', `The outcomes cannot be fitted: ${error.message}`);
    throw error;
  }
  if (!fit.converged || fit.separated) throw new AppError('CONFLICT', 'The outcomes separate perfectly by the predictors, so the estimates run off; record more outcomes before recalibrating.');
  const names = ['intercept', ...PREDICTORS] as const;
  const coefficients = Object.fromEntries(names.map((name, j) => [name, { estimate: fit.coefficients[j]!, standardError: fit.standardErrors[j]! }])) as Coefficients;
  const count = listModels(ctx).length;
  return write(ctx.sqlite(), () => {
    const row = ctx
      .db()
      .insert(predictionModels)
      .values({
        version: `fleet-${count}`,
        coefficients,
        n: fit.n,
        events: fit.events,
        fit: { deviance: fit.deviance, nullDeviance: fit.nullDeviance, aic: fit.aic, mcFaddenR2: fit.mcFaddenR2, brier: fit.brier, likelihoodRatio: fit.likelihoodRatio, pValues: fit.pValues, iterations: fit.iterations },
        author: currentOperator().operator,
      })
      .returning()
      .get();
    return listModels(ctx).find((m) => m.id === row.id)!;
  });
}
