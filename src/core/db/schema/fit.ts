import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Department, VesselUse } from '../../../shared/domain/crew';
import type { Coefficients, LeaveReason, SeaServiceKind, TraitRange, VisaKind, Weights } from '../../../shared/fit/model';
import type { AdvisoryAction } from '../../../shared/api/fit';
import { idColumn, timestampColumns } from '../columns';
import { assignments, people, positions } from './fleet';

/**
 * Candidate fit and success prediction (docs/fit-and-prediction.md): a person's recorded sea service and visas,
 * edited trait profiles, saved weights, outcomes of ended assignments, fitted prediction models, the log of
 * every ranking or prediction shown or exported, and decisions taken on them with their basis.
 */

/** Sea service recorded for a person, typically before or outside this fleet (the kinds the MCA counts separately: docs/domain.md#career-ladders). */
export const seaService = sqliteTable(
  'sea_service',
  {
    id: idColumn(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    vesselName: text('vessel_name').notNull(),
    lengthM: real('length_m'),
    grossTonnage: real('gross_tonnage'),
    use: text('use').$type<VesselUse>(),
    department: text('department').$type<Department>().notNull(),
    positionTitle: text('position_title').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    kind: text('kind').$type<SeaServiceKind>().notNull(),
    ...timestampColumns(),
  },
  (t) => [index('sea_service_person').on(t.personId, t.startDate)],
);

/** A visa a person holds (kind such as B1/B2 or Schengen), with its expiry. */
export const personVisas = sqliteTable(
  'person_visas',
  {
    id: idColumn(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind').$type<VisaKind>().notNull(),
    expiresOn: text('expires_on'),
    note: text('note'),
    ...timestampColumns(),
  },
  (t) => [index('person_visas_person').on(t.personId)],
);

/** An edited trait profile of a position title; the latest live one per title replaces the shipped default. */
export const traitProfiles = sqliteTable(
  'trait_profiles',
  {
    id: idColumn(),
    titleKey: text('title_key').notNull(),
    ranges: text('ranges', { mode: 'json' }).$type<TraitRange[]>().notNull(),
    /** The shipped library version it was edited from. */
    basedOn: text('based_on').notNull(),
    author: text('author').notNull(),
    ...timestampColumns(),
  },
  (t) => [index('trait_profiles_title').on(t.titleKey, t.createdAt)],
);

/** Weights saved under a name, beside the shipped presets. */
export const fitPresets = sqliteTable(
  'fit_presets',
  {
    id: idColumn(),
    name: text('name').notNull(),
    label: text('label').notNull(),
    weights: text('weights', { mode: 'json' }).$type<Weights>().notNull(),
    ...timestampColumns(),
  },
  (t) => [uniqueIndex('fit_presets_live_name').on(t.name).where(sql`${t.archivedAt} IS NULL`)],
);

/** How an ended assignment went, with the predictors as they stood at its start (the regression's data). */
export const assignmentOutcomes = sqliteTable(
  'assignment_outcomes',
  {
    id: idColumn(),
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => assignments.id),
    completed: integer('completed', { mode: 'boolean' }).notNull(),
    leaveReason: text('leave_reason').$type<LeaveReason>(),
    note: text('note'),
    /** 1–5, null when not rated. */
    rating: integer('rating'),
    wouldRehire: integer('would_rehire', { mode: 'boolean' }),
    /** P_ind, F_team, F_env, F_lmx at the assignment's start (null where they could not be worked out). */
    factors: text('factors', { mode: 'json' }).$type<Record<string, number | null>>().notNull(),
    recordedBy: text('recorded_by').notNull(),
    ...timestampColumns(),
  },
  (t) => [uniqueIndex('assignment_outcomes_live').on(t.assignmentId).where(sql`${t.archivedAt} IS NULL`)],
);

/** A prediction model fitted to the fleet's outcomes; which one is active is a setting. */
export const predictionModels = sqliteTable('prediction_models', {
  id: idColumn(),
  version: text('version').notNull(),
  coefficients: text('coefficients', { mode: 'json' }).$type<Coefficients>().notNull(),
  n: integer('n').notNull(),
  events: integer('events').notNull(),
  /** Deviance, AIC, McFadden R², Brier score, likelihood-ratio test, convergence. */
  fit: text('fit', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  author: text('author').notNull(),
  ...timestampColumns(),
});

/** Every ranking, match list, prediction or what-if shown or exported: who, when, which model, which inputs. */
export const advisoryLog = sqliteTable(
  'advisory_log',
  {
    id: idColumn(),
    action: text('action').$type<AdvisoryAction>().notNull(),
    operator: text('operator').notNull(),
    device: text('device').notNull(),
    model: text('model').notNull(),
    inputs: text('inputs', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Who was shown and their figures, as shown. */
    shown: text('shown', { mode: 'json' }).$type<unknown[]>().notNull(),
    ...timestampColumns(),
  },
  (t) => [index('advisory_log_time').on(t.createdAt)],
);

/** A decision a person took on a ranking or prediction, with its basis (the figures shown and the log entry). */
export const fitDecisions = sqliteTable(
  'fit_decisions',
  {
    id: idColumn(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    positionId: text('position_id')
      .notNull()
      .references(() => positions.id),
    decision: text('decision').notNull(),
    note: text('note').notNull(),
    basis: text('basis', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    logId: text('log_id').references(() => advisoryLog.id),
    decidedBy: text('decided_by').notNull(),
    ...timestampColumns(),
  },
  (t) => [index('fit_decisions_person').on(t.personId, t.createdAt)],
);
