import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AssessmentContext, NormRef, StoredComparison, StoredScaleScore } from '../../../shared/api/assessment-fields';
import type { IndexNotComputed, InstrumentDefinition, NormRow, PersonReport, Population, ValidityReason, Verdict } from '../../../shared/psychometrics';
import type { ProctoringEvent } from '../../../shared/questionnaires';
import { idColumn, timestampColumns } from '../columns';
import { people } from './fleet';

/**
 * One scored questionnaire of one person: raw answers, scale and facet scores, careless-responding indices and
 * the validity verdict with its reasons. Append-only history (docs/architecture.md#the-write-path): a result is
 * never edited, only archived and restored. Norm placement (z, T, percentile) is computed when shown, against the
 * norm the user picks, so a newer or local norm never needs a rewrite of stored results
 * (docs/psychometrics.md#2-scale-scores-and-norms).
 */
export const assessmentResults = sqliteTable(
  'assessment_results',
  {
    id: idColumn(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    instrumentId: text('instrument_id').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    /** The day the questionnaire was answered (YYYY-MM-DD). */
    takenOn: text('taken_on').notNull(),
    /** Who answered: an applicant or crew already in post. Decides which norms are like for like (docs/psychometrics.md#2-scale-scores-and-norms). */
    context: text('context').$type<AssessmentContext>().notNull(),
    /** Item ids in presentation order and the answers in that order (null = unanswered), docs/psychometrics.md#1-data-conventions. */
    items: text('items', { mode: 'json' }).$type<string[]>().notNull(),
    answers: text('answers', { mode: 'json' }).$type<Array<number | null>>().notNull(),
    answered: integer('answered').notNull(),
    scales: text('scales', { mode: 'json' }).$type<Record<string, StoredScaleScore>>().notNull(),
    facets: text('facets', { mode: 'json' }).$type<Record<string, StoredScaleScore>>().notNull(),
    careless: text('careless', { mode: 'json' }).$type<PersonReport['careless']>().notNull(),
    responseTime: text('response_time', { mode: 'json' }).$type<PersonReport['responseTime']>(),
    verdict: text('verdict').$type<Verdict>().notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<ValidityReason[]>().notNull(),
    /** Indices switched on that had no value for this person, and why (none recorded before they were). */
    notComputed: text('not_computed', { mode: 'json' }).$type<IndexNotComputed[]>().notNull().default([]),
    /**
     * Who Mahalanobis D² and psychometric synonyms compared the person with: the batch and any stored results
     * added to it, and the minimum the comparison needed. Null for results stored before it was recorded.
     */
    comparison: text('comparison', { mode: 'json' }).$type<StoredComparison | null>(),
    /** The norm chosen when the result was imported; the screen opens on it (another can be chosen there). */
    normRef: text('norm_ref', { mode: 'json' }).$type<NormRef | null>(),
    /** The results scored together: careless indices such as Mahalanobis D² are relative to that batch (docs/psychometrics.md#5-careless-responding). */
    batchId: text('batch_id').notNull(),
    batchSize: integer('batch_size').notNull(),
    sourceFile: text('source_file'),
    /**
     * A questionnaire taken in the app (docs/questionnaires.md#the-snapshot): its session, language, the engine
     * that scored it, the time on each item (ms, in the order of `items`), the proctoring events and the days it
     * was paused. Null for imported results.
     */
    sessionId: text('session_id'),
    language: text('language'),
    engineVersion: text('engine_version'),
    itemTimes: text('item_times', { mode: 'json' }).$type<Array<number | null>>(),
    proctoring: text('proctoring', { mode: 'json' }).$type<ProctoringEvent[]>(),
    pauses: integer('pauses'),
    startedAt: text('started_at'),
    ...timestampColumns(),
  },
  (t) => [
    index('assessment_results_person').on(t.personId, t.takenOn),
    index('assessment_results_list').on(t.takenOn, t.id),
    index('assessment_results_group').on(t.instrumentId, t.context, t.personId, t.takenOn),
    // Local groups and reference samples read every live result of an instrument from this index alone.
    index('assessment_results_live').on(t.instrumentId, t.personId, t.context, t.takenOn, t.id, t.verdict).where(sql`${t.archivedAt} IS NULL`),
    // One live result per person, instrument and day: an import of the same file twice is caught.
    uniqueIndex('assessment_results_once')
      .on(t.personId, t.instrumentId, t.takenOn)
      .where(sql`${t.archivedAt} IS NULL`),
  ],
);

/**
 * An imported norm table: mean and SD per scale or facet of one comparison group, with its population kind
 * (volunteer, applicant, incumbent) shown wherever it is used — never mixed silently
 * (docs/psychometrics.md#2-scale-scores-and-norms).
 */
export const normTables = sqliteTable(
  'norm_tables',
  {
    id: idColumn(),
    instrumentId: text('instrument_id').notNull(),
    label: text('label').notNull(),
    population: text('population').$type<Population>().notNull(),
    source: text('source').notNull(),
    /** People the norms rest on (largest n of its rows when the file gives one per row). */
    n: integer('n'),
    rows: text('rows', { mode: 'json' }).$type<NormRow[]>().notNull(),
    ...timestampColumns(),
  },
  (t) => [index('norm_tables_instrument').on(t.instrumentId, t.label)],
);

/**
 * A custom instrument imported from its JSON definition (the built-in ones come from npm packages). Results
 * name their instrument by `key`, the definition's id; one live definition per key.
 */
export const assessmentInstruments = sqliteTable(
  'assessment_instruments',
  {
    id: idColumn(),
    key: text('key').notNull(),
    definition: text('definition', { mode: 'json' }).$type<InstrumentDefinition>().notNull(),
    ...timestampColumns(),
  },
  (t) => [uniqueIndex('assessment_instruments_live_key').on(t.key).where(sql`${t.archivedAt} IS NULL`)],
);
