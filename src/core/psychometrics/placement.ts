import type { AssessmentContext, NormDescription, NormOption, NormPlacement, NormRef } from '../../shared/api';
import { groupings, type Grouping, type InstrumentDefinition, type NormTable } from '../../shared/psychometrics';
import { groupLabel, localName, placeOnLocalGroup, placeOnTable, type LocalNormGroup, type Placement } from '../../engine/psychometrics';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { instrumentName, resolveInstrument } from './instruments';
import { localGroupsOf, postOfResult } from './local-groups';
import { listNormTables, normTableRecord } from './norm-tables';
import { storedResult } from './results';
import { readAssessmentSettings } from './settings';
import { words } from '../../shared/words';

/** A local group's name wherever it is offered: "All applicants", "Chief Stew (position)", "Deck (department)". */
export function localDescription(group: LocalNormGroup, by: Grouping): NormDescription {
  return {
    origin: 'local',
    label: by === 'context' ? group.group : `${group.group} (${by})`,
    population: group.population,
    source: `Latest valid result per person stored here (${group.n} ${group.n === 1 ? 'person' : 'people'})`,
    n: group.n,
  };
}

const scaleIds = (instrument: InstrumentDefinition): string[] => [...instrument.scales.map((s) => s.id), ...instrument.facets.map((f) => f.id)];

/** A result's own group under a grouping (stored references to the group of everyone name it by population). */
const sameGroup = (g: LocalNormGroup, by: Grouping, label: string, population: AssessmentContext) => g.population === population && (by === 'context' || g.group === label);

/**
 * What a result can be compared with: the imported tables of its instrument, and for each grouping its own
 * local group of the same population — plus the other population's whole group, offered only as an explicit
 * mix (docs/psychometrics.md#2-scale-scores-and-norms). `sameFor` says whether the norm describes the result's own
 * population.
 */
export async function normOptions(ctx: ServiceContext, id: string): Promise<NormOption[]> {
  const result = storedResult(ctx, id);
  const tables: NormOption[] = listNormTables(ctx, { instrumentId: result.instrumentId, archived: 'exclude' }).map((t) => ({
    ref: { kind: 'table', id: t.id },
    norm: { origin: 'imported', label: t.label, population: t.population, source: t.source, n: t.n },
    sameFor: t.population === result.context,
    sufficient: true,
  }));
  const instrument = resolveInstrument(ctx, result.instrumentId);
  const { groups } = await localGroupsOf(ctx, instrument.id, scaleIds(instrument), [...groupings]);
  const post = postOfResult(ctx, result);
  const other: AssessmentContext = result.context === 'applicant' ? 'incumbent' : 'applicant';
  const local: NormOption[] = groupings.flatMap((by) => {
    const wanted = [result.context, ...(by === 'context' ? [other] : [])];
    return wanted.flatMap((population) => {
      const group = groups[by]!.find((g) => sameGroup(g, by, groupLabel(by, post, population), population));
      if (!group) return [];
      const ref: NormRef = { kind: 'local', by, group: group.group, population };
      return [{ ref, norm: localDescription(group, by), sameFor: population === result.context, sufficient: group.sufficient }];
    });
  });
  return [...local, ...tables];
}

export async function resolveNorm(ctx: ServiceContext, instrument: InstrumentDefinition, ref: NormRef): Promise<{ description: NormDescription; table: NormTable } | { description: NormDescription; group: LocalNormGroup }> {
  if (ref.kind === 'table') {
    const t = normTableRecord(ctx, ref.id);
    if (t.archivedAt !== null) throw new AppError('CONFLICT', `The norm table "${t.label}" is archived; restore it to compare with it.`);
    if (t.instrumentId !== instrument.id) throw new AppError('VALIDATION', `The norm table "${t.label}" is for ${instrumentName(ctx, t.instrumentId)}, not ${instrumentName(ctx, instrument.id)}.`);
    return {
      description: { origin: 'imported', label: t.label, population: t.population, source: t.source, n: t.n },
      table: { label: t.label, population: t.population, source: t.source, rows: t.rows },
    };
  }
  const { groups } = await localGroupsOf(ctx, instrument.id, scaleIds(instrument), [ref.by]);
  const group = groups[ref.by]!.find((g) => sameGroup(g, ref.by, ref.group, ref.population));
  if (!group) throw new AppError('NOT_FOUND', `No stored results of ${words.populations[ref.population]} are in the local group "${ref.group}".`);
  return { description: localDescription(group, ref.by), group };
}

/** z, T and percentile of a stored result against the chosen norm, or in plain words why there are none. */
export async function placeResult(ctx: ServiceContext, id: string, ref: NormRef, allowMixing: boolean): Promise<NormPlacement> {
  const result = storedResult(ctx, id);
  const instrument = resolveInstrument(ctx, result.instrumentId);
  const norm = await resolveNorm(ctx, instrument, ref);
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
export async function groupAnalysis(ctx: ServiceContext, instrumentId: string, by: Grouping, minGroupSize?: number) {
  const instrument = resolveInstrument(ctx, instrumentId);
  const minimum = minGroupSize ?? readAssessmentSettings(ctx).minGroupSize;
  const { groups, results, excludedInvalid } = await localGroupsOf(ctx, instrument.id, scaleIds(instrument), [by], minimum);
  const names = new Map(instrument.scales.map((s) => [s.id, localName(s.name, s.id)]));
  return {
    by,
    minGroupSize: minimum,
    results,
    excludedInvalid,
    groups: groups[by]!.map((g) => ({
      group: g.group,
      population: g.population,
      n: g.n,
      sufficient: g.sufficient,
      message: g.message,
      scales: g.scales.filter((s) => names.has(s.scale)).map((s) => ({ ...s, name: names.get(s.scale)! })),
    })),
  };
}
