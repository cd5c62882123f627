import { and, eq, isNull } from 'drizzle-orm';
import { SUB_SCORES, type Weights } from '../../shared/fit/model';
import type { FitPreset } from '../../shared/api';
import { FitInputError, normaliseWeights, resolvePreset, type NamedWeights } from '../../engine/fit';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { fitPresets as savedTable } from '../db/schema';
import { write } from '../db/writes';
import { fitPresets } from './models';

/** The shipped presets (resources/fit/presets-v1.json) and weights saved by name (docs/fit-and-prediction.md#weights). */
function saved(ctx: ServiceContext): NamedWeights[] {
  return ctx.db().select().from(savedTable).where(isNull(savedTable.archivedAt)).orderBy(savedTable.name).all().map((r) => ({ name: r.name, label: r.label, weights: r.weights }));
}

export function listPresets(ctx: ServiceContext): FitPreset[] {
  return [...fitPresets().presets.map((p) => ({ ...p, shipped: true })), ...saved(ctx).map((p) => ({ ...p, why: null, shipped: false }))];
}

/** Engine input errors (weights, threshold, preset) become VALIDATION errors naming the field. */
export function asValidation<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof FitInputError) throw new AppError('VALIDATION', error.message, { issues: error.issues });
    throw error;
  }
}

/** Weights given directly win over a preset; they are checked and normalised either way. */
export function resolveWeights(ctx: ServiceContext, preset: string, weights: Weights | undefined): { preset: string; weights: Weights } {
  return asValidation(() => (weights ? { preset: 'custom', weights: normaliseWeights(weights) } : { preset, weights: resolvePreset(preset, fitPresets(), saved(ctx)).weights }));
}

export function savePreset(ctx: ServiceContext, input: { name: string; label: string; weights: Weights }): FitPreset {
  if (fitPresets().presets.some((p) => p.name === input.name) || input.name === 'custom') throw new AppError('CONFLICT', `"${input.label}" is the name of weights that come with the app; choose another name`);
  const weights = asValidation(() => normaliseWeights(input.weights));
  return write(ctx.sqlite(), () => {
    ctx.db().update(savedTable).set({ archivedAt: nowIso() }).where(and(eq(savedTable.name, input.name), isNull(savedTable.archivedAt))).run();
    ctx.db().insert(savedTable).values({ name: input.name, label: input.label, weights }).run();
    return { name: input.name, label: input.label, weights, why: null, shipped: false };
  });
}

export function archivePreset(ctx: ServiceContext, name: string): { archived: boolean } {
  return write(ctx.sqlite(), () => {
    const changed = ctx.db().update(savedTable).set({ archivedAt: nowIso() }).where(and(eq(savedTable.name, name), isNull(savedTable.archivedAt))).run().changes;
    if (changed === 0) throw new AppError('NOT_FOUND', `There are no saved weights named "${name}"`);
    return { archived: true };
  });
}

export const weightsRecord = (w: Weights): Weights => Object.fromEntries(SUB_SCORES.map((s) => [s, w[s]])) as Weights;
