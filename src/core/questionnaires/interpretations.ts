import { createRequire } from 'node:module';
import type * as ResultsModule from '@bigfive-org/results';
import { IPIP_NEO_120_ID } from '../../engine/psychometrics';
import { paragraphs, type ScoreLevel } from '../../engine/questionnaires';
import { SCORE_LEVELS } from '../../shared/questionnaires';

/**
 * What a Big Five score means, in plain words and in many languages: the texts of @bigfive-org/results (MIT),
 * read here in the core. They exist for IPIP-NEO-120 only; a custom instrument has none.
 */
const requirePackage = createRequire(import.meta.url);

export interface DomainTexts {
  title: string;
  summary: string;
  byLevel: Record<ScoreLevel, string[]>;
  facets: Record<number, { title: string; text: string[] }>;
}

type Template = Array<{ domain: string; title: string; shortDescription: string; results: Array<{ score: ScoreLevel; text: string }>; facets: Array<{ facet: number; title: string; text: string }> }>;

let languages: Array<{ id: string; name: string }> | null = null;
const templates = new Map<string, Map<string, DomainTexts>>();

function results(): typeof ResultsModule {
  return requirePackage('@bigfive-org/results') as typeof ResultsModule;
}

export function interpretationLanguages(instrumentId: string): Array<{ id: string; name: string }> {
  if (instrumentId !== IPIP_NEO_120_ID) return [];
  languages ??= results()
    .getInfo()
    .languages.map((l) => ({ id: l.id, name: l.text }));
  return languages;
}

/** The texts per domain in a language the package has, or null. */
export function interpretations(instrumentId: string, language: string): Map<string, DomainTexts> | null {
  if (!interpretationLanguages(instrumentId).some((l) => l.id === language)) return null;
  let byDomain = templates.get(language);
  if (!byDomain) {
    const template = results().getTemplate(language) as unknown as Template;
    byDomain = new Map(
      template.map((d) => [
        d.domain,
        {
          title: d.title.trim(),
          summary: paragraphs(d.shortDescription).join(' '),
          byLevel: Object.fromEntries(SCORE_LEVELS.map((level) => [level, paragraphs(d.results.find((r) => r.score === level)?.text ?? '')])) as Record<ScoreLevel, string[]>,
          facets: Object.fromEntries(d.facets.map((f) => [f.facet, { title: f.title.trim(), text: paragraphs(f.text) }])),
        },
      ]),
    );
    templates.set(language, byDomain);
  }
  return byDomain;
}
