import type { NormPlacement, NormRef, Output, ParsedInput, Profile } from '../../shared/api';
import { localName } from '../../engine/psychometrics';
import { levelOf } from '../../engine/questionnaires';
import type { ServiceContext } from '../context';
import { resolveInstrument } from '../psychometrics/instruments';
import { normOptions, placeResult } from '../psychometrics/placement';
import { listResults, storedResult } from '../psychometrics/results';
import { currentJudgement } from '../psychometrics/current-verdicts';
import { interpretationLanguages, interpretations } from './interpretations';
import { languageName } from '../../shared/domain/languages';
import { takenWords } from '../psychometrics/taken';

/**
 * The profile a person reads (docs/questionnaires.md#the-profile): a view of a stored result against a norm,
 * never a change to it. Levels (low, average, high) come only from a norm of the person's own population;
 * without one, or when the answers were judged invalid, the meaning of the scores is not shown, and the profile
 * says why.
 */
type ProfileNorm = ParsedInput<'profiles.get'>['norm'];

/**
 * The norm a profile opens on: the one chosen at import, else everyone stored of the person's own population
 * when that group is large enough, else any norm of that population that is.
 */
async function chosenRef(ctx: ServiceContext, resultId: string, choice: ProfileNorm, stored: NormRef | null): Promise<NormRef | null> {
  if (choice === 'none') return null;
  if (choice !== 'default') return choice;
  if (stored) return stored;
  const usable = (await normOptions(ctx, resultId)).filter((o) => o.sameFor && o.sufficient);
  return (usable.find((o) => o.ref.kind === 'local' && o.ref.by === 'context') ?? usable[0])?.ref ?? null;
}

export async function profileOf(ctx: ServiceContext, input: Pick<ParsedInput<'profiles.get'>, 'id' | 'norm' | 'allowMixing' | 'language'>): Promise<Profile> {
  const r = storedResult(ctx, input.id);
  const instrument = resolveInstrument(ctx, r.instrumentId);
  const ref = await chosenRef(ctx, r.id, input.norm, r.normRef ?? null);
  const placement: NormPlacement | null = ref ? await placeResult(ctx, r.id, ref, input.allowMixing) : null;
  const placed = placement?.status === 'placed' ? placement : null;
  const judged = { verdict: r.verdict, reasons: r.reasons };
  const asked = input.language ?? r.language ?? 'en';
  const available = interpretationLanguages(r.instrumentId);
  const language = available.some((l) => l.id === asked) ? asked : 'en';
  const texts = interpretations(r.instrumentId, language);
  const invalid = judged.verdict === 'invalid' || currentJudgement(ctx, { ...r, items: r.items.length, responseTime: r.responseTime ?? null, comparison: r.comparison ?? null, proctoring: r.proctoring ?? null }).verdict === 'invalid';
  const normNote = invalid
    ? 'These answers were judged invalid: what the scores would mean is not shown, and they should not be used.'
    : !ref
      ? 'There is no norm of this population large enough to compare with, so no percentiles and no low, average or high reading are shown. Choose a norm, or store more results for a local group.'
      : placement && placement.status !== 'placed'
        ? placement.messages.join(' ')
        : null;
  const score = (id: string) => placed?.scales.find((s) => s.id === id) ?? placed?.facets.find((f) => f.id === id) ?? null;
  const level = (id: string) => (invalid ? null : levelOf(score(id)?.t ?? null));
  const domains = instrument.scales.map((s) => {
    const text = texts?.get(s.id);
    const l = level(s.id);
    return {
      id: s.id,
      name: text?.title ?? localName(s.name, s.id, language),
      mean: r.scales[s.id]?.mean ?? null,
      t: score(s.id)?.t ?? null,
      percentile: score(s.id)?.percentile ?? null,
      level: l,
      meaning: l && text ? text.byLevel[l] : [],
      summary: text?.summary ?? null,
    };
  });
  const facets = instrument.facets.map((f) => {
    const number = Number(f.id.slice(f.scale.length));
    const text = texts?.get(f.scale)?.facets[number];
    const l = level(f.id);
    return {
      id: f.id,
      scale: f.scale,
      name: text?.title ?? localName(f.name, f.id, language),
      mean: r.facets[f.id]?.mean ?? null,
      t: score(f.id)?.t ?? null,
      percentile: score(f.id)?.percentile ?? null,
      level: l,
      meaning: l && text ? text.text : [],
    };
  });
  return {
    resultId: r.id,
    personId: r.personId,
    personName: r.personName,
    instrumentId: r.instrumentId,
    instrumentName: instrument.name ?? instrument.id,
    takenOn: r.takenOn,
    context: r.context,
    verdict: judged.verdict,
    reasons: judged.reasons,
    notComputed: r.notComputed,
    proctoring: r.proctoring ?? [],
    taken: takenWords(ctx, r),
    norm: placement?.norm ?? null,
    normRef: ref,
    normNote,
    mixed: placement?.mixed ?? false,
    language,
    languages: available,
    languageNote:
      available.length === 0
        ? `${instrument.name ?? instrument.id} comes with no texts on what its scores mean.`
        : language !== asked
          ? `The texts on what the scores mean exist in ${available.length} languages, not in ${languageName(asked)}: they are shown in English.`
          : null,
    domains,
    facets,
  };
}

/** A person's results of an instrument, oldest first, each against the same norm (the newest result's default). */
export async function profileHistory(ctx: ServiceContext, input: ParsedInput<'profiles.history'>): Promise<Output<'profiles.history'>> {
  const instrument = resolveInstrument(ctx, input.instrumentId);
  const list = await listResults(ctx, { personId: input.personId, archived: 'exclude', search: '', verdictChanged: false, offset: 0, limit: 500, sort: 'takenOn', descending: true });
  const rows = list.rows.filter((r) => r.instrumentId === instrument.id).reverse();
  const domains = instrument.scales.map((s) => ({ id: s.id, name: localName(s.name, s.id) }));
  const newest = rows.at(-1);
  const ref = newest ? await chosenRef(ctx, newest.id, input.norm, storedResult(ctx, newest.id).normRef ?? null) : null;
  let norm: Output<'profiles.history'>['norm'] = null;
  const points = [];
  for (const row of rows) {
    const stored = storedResult(ctx, row.id);
    const placement = ref ? await placeResult(ctx, row.id, ref, false) : null;
    if (placement?.status === 'placed') norm = placement.norm;
    const placed = placement?.status === 'placed' ? placement : null;
    points.push({
      resultId: row.id,
      takenOn: row.takenOn,
      verdict: row.verdict,
      t: domains.map((d) => placed?.scales.find((s) => s.id === d.id)?.t ?? null),
      mean: domains.map((d) => stored.scales[d.id]?.mean ?? null),
    });
  }
  return { norm, domains, points };
}
