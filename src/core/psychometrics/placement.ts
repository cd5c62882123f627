import { groupings, type AssessmentContext, type NormDescription, type NormOption, type NormPlacement, type NormRef } from '../../shared/api';
import type { NormTable } from '../../shared/psychometrics';
import { localName, placeOnLocalGroup, placeOnTable, type LocalNormGroup, type Placement } from '../../engine/psychometrics';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { resolveInstrument } from './instruments';
import { groupLabel, localGroups, postOfResult, storedForNorms } from './local-groups';
import { listNormTables, normTableRecord } from './norm-tables';
import { storedResult } from './results';
import { readAssessmentSettings } from './settings';

const GROUPING_WORDS = { position: 'position', department: 'department', context: 'all stored results' } as const;

function localDescription(group: LocalNormGroup, by: keyof typeof GROUPING_WORDS): NormDescription {
  return {
    origin: 'local',
    label: by === 'context' ? `Local: all ${group.population}s` : `Local: ${group.group} (${GROUPING_WORDS[by]})`,
    population: group.population,
    source: `Latest valid result per person stored here (${group.n} ${group.n === 1 ? 'person' : 'people'})`,
    n: group.n,
  };
}

function scaleIds(ctx: ServiceContext, instrumentId: string): string[] {
  const instrument = resolveInstrument(ctx, instrumentId);
  return [...instrument.scales.map((s) => s.id), ...instrument.facets.map((f) => f.id)];
}

/**
 * What a result can be compared with: the imported tables of its instrument, and for each grouping its own
 * local group of the same population — plus the other population's whole group, offered only as an explicit
 * mix (SPEC §2). `sameFor` says whether the norm describes the result's own population.
 */
export function normOptions(ctx: ServiceContext, id: string): NormOption[] {
  const result = storedResult(ctx, id);
  const tables: NormOption[] = listNormTables(ctx, { instrumentId: result.instrumentId, archived: 'exclude' }).map((t) => ({
    ref: { kind: 'table', id: t.id },
    norm: { origin: 'imported', label: t.label, population: t.population, source: t.source, n: t.n },
    sameFor: t.population === result.context,
    sufficient: true,
  }));
  const { minGroupSize } = readAssessmentSettings(ctx);
  const { records } = storedForNorms(ctx, result.instrumentId);
  const post = postOfResult(ctx, result);
  const scales = scaleIds(ctx, result.instrumentId);
  const other: AssessmentContext = result.context === 'applicant' ? 'incumbent' : 'applicant';
  const local: NormOption[] = groupings.flatMap((by) => {
    const groups = localGroups(records, by, minGroupSize, scales);
    const wanted = [{ group: groupLabel(by, post), population: result.context }, ...(by === 'context' ? [{ group: groupLabel(by, post), population: other }] : [])];
    return wanted.flatMap((w) => {
      const group = groups.find((g) => g.group === w.group && g.population === w.population);
      if (!group) return [];
      const ref: NormRef = { kind: 'local', by, group: group.group, population: w.population };
      return [{ ref, norm: localDescription(group, by), sameFor: w.population === result.context, sufficient: group.sufficient }];
    });
  });
  return [...local, ...tables];
}

export function resolveNorm(ctx: ServiceContext, instrumentId: string, ref: NormRef): { description: NormDescription; table: NormTable } | { description: NormDescription; group: LocalNormGroup } {
  if (ref.kind === 'table') {
    const t = normTableRecord(ctx, ref.id);
    if (t.archivedAt !== null) throw new AppError('CONFLICT', `The norm table "${t.label}" is archived; restore it to compare with it.`);
    if (t.instrumentId !== instrumentId) throw new AppError('VALIDATION', `The norm table "${t.label}" is for ${t.instrumentId}, not ${instrumentId}.`);
    return {
      description: { origin: 'imported', label: t.label, population: t.population, source: t.source, n: t.n },
      table: { label: t.label, population: t.population, source: t.source, rows: t.rows },
    };
  }
  const { minGroupSize } = readAssessmentSettings(ctx);
  const groups = localGroups(storedForNorms(ctx, instrumentId).records, ref.by, minGroupSize, scaleIds(ctx, instrumentId));
  const group = groups.find((g) => g.group === ref.group && g.population === ref.population);
  if (!group) throw new AppError('NOT_FOUND', `There are no stored ${ref.population} results in the local group "${ref.group}".`);
  return { description: localDescription(group, ref.by), group };
}

/** z, T and percentile of a stored result against the chosen norm, or in plain words why there are none. */
export function placeResult(ctx: ServiceContext, id: string, ref: NormRef, allowMixing: boolean): NormPlacement {
  const result = storedResult(ctx, id);
  const instrument = resolveInstrument(ctx, result.instrumentId);
  const norm = resolveNorm(ctx, result.instrumentId, ref);
  const scores = [
    ...instrument.scales.map((s) => ({ id: s.id, mean: result.scales[s.id]?.mean ?? null })),
    ...instrument.facets.map((f) => ({ id: f.id, mean: result.facets[f.id]?.mean ?? null })),
  ];
  const placed: Placement = 'table' in norm ? placeOnTable(scores, norm.table, result.context, allowMixing) : placeOnLocalGroup(scores, norm.group, result.context, allowMixing);
  const byId = new Map(placed.scores.map((s) => [s.id, s]));
  return {
    norm: norm.description,
    status: placed.status,
    messages: placed.messages,
    mixed: placed.mixed,
    scales: instrument.scales.map((s) => ({ ...byId.get(s.id)!, name: localName(s.name, s.id) })),
    facets: instrument.facets.map((f) => ({ ...byId.get(f.id)!, name: localName(f.name, f.id), scale: f.scale })),
  };
}

/** The local groups of one grouping, for the screen's group analysis. */
export function groupAnalysis(ctx: ServiceContext, instrumentId: string, by: (typeof groupings)[number], minGroupSize?: number) {
  const instrument = resolveInstrument(ctx, instrumentId);
  const minimum = minGroupSize ?? readAssessmentSettings(ctx).minGroupSize;
  const { records, excludedInvalid } = storedForNorms(ctx, instrument.id);
  const groups = localGroups(records, by, minimum, scaleIds(ctx, instrument.id));
  const names = new Map(instrument.scales.map((s) => [s.id, localName(s.name, s.id)]));
  return {
    by,
    minGroupSize: minimum,
    results: records.length,
    excludedInvalid,
    groups: groups.map((g) => ({
      group: g.group,
      population: g.population,
      n: g.n,
      sufficient: g.sufficient,
      message: g.message,
      scales: g.scales.filter((s) => names.has(s.scale)).map((s) => ({ ...s, name: names.get(s.scale)! })),
    })),
  };
}
