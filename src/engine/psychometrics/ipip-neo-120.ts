import type { InstrumentDefinition, InstrumentDefinitionInput } from '../../shared/psychometrics';
import { parseInstrumentDefinition } from './instruments';

/**
 * IPIP-NEO-120 (Johnson 2014, J. Res. Pers. 51:78–89) built from the data of `@bigfive-org/questions` (items in
 * 39 languages, MIT) and `@bigfive-org/results` (domain and facet names). The core reads the packages and hands
 * their data here; this module only checks and reshapes it (the layout of
 * docs/psychometrics.md#1-data-conventions).
 */
export const IPIP_NEO_120_ID = 'ipip-neo-120';

export interface BigFiveQuestion {
  id: string;
  text: string;
  keyed: string;
  domain: string;
  facet: number;
}

export interface BigFiveDomainTemplate {
  domain: string;
  title: string;
  facets: Array<{ facet: number; title: string }>;
}

export interface BigFiveSources {
  /** Package version of @bigfive-org/questions. */
  version: string;
  /** Item lists per language code; must include `en`. */
  questions: Record<string, BigFiveQuestion[]>;
  /** Labels of the five response options per language (lowest first). */
  choices: Record<string, string[]>;
  /** Domain and facet names per language, where @bigfive-org/results has them. */
  templates: Record<string, BigFiveDomainTemplate[]>;
}

const DOMAINS = 'NEOAC';

export function buildIpipNeo120(sources: BigFiveSources): InstrumentDefinition {
  const english = sources.questions.en;
  if (!english || english.length !== 120) throw new Error('@bigfive-org/questions: the English item list must have 120 items');
  const languages = Object.keys(sources.questions).sort();
  english.forEach((q, i) => {
    const p = i + 1;
    const domain = DOMAINS[(p - 1) % 5];
    const facet = (Math.floor((p - 1) / 5) % 6) + 1;
    if (q.domain !== domain || q.facet !== facet) throw new Error(`@bigfive-org/questions: item ${p} is ${q.domain}${q.facet}, expected ${domain}${facet}: this version does not keep IPIP-NEO-120's published item order`);
    if (q.keyed !== 'plus' && q.keyed !== 'minus') throw new Error(`@bigfive-org/questions: item ${p} is keyed "${q.keyed}"`);
  });
  for (const language of languages) {
    const list = sources.questions[language]!;
    const same = list.length === 120 && list.every((q, i) => q.keyed === english[i]!.keyed && q.domain === english[i]!.domain && q.facet === english[i]!.facet);
    if (!same) throw new Error(`@bigfive-org/questions: the ${language} items are not keyed like the English ones`);
  }
  const templateLanguages = Object.keys(sources.templates);
  const domainName = (d: string) => Object.fromEntries(templateLanguages.flatMap((l) => sources.templates[l]!.filter((t) => t.domain === d).map((t) => [l, t.title])));
  const facetName = (d: string, f: number) =>
    Object.fromEntries(
      templateLanguages.flatMap((l) => sources.templates[l]!.filter((t) => t.domain === d).flatMap((t) => t.facets.filter((x) => x.facet === f).map((x) => [l, x.title]))),
    );
  const definition: InstrumentDefinitionInput = {
    id: IPIP_NEO_120_ID,
    name: 'IPIP-NEO-120 (Johnson 2014)',
    version: sources.version,
    response: { min: 1, max: 5 },
    responseLabels: sources.choices,
    languages,
    // After the IPIP's own instructions (ipip.ori.org, public domain); the package ships none, so English only.
    instructions: {
      en: 'Each statement describes a way people behave. Say how accurately it describes you: as you generally are now, not as you wish to be, and as you honestly see yourself compared with other people you know of about your age. There are no right or wrong answers. Answer with the keys 1 to 5 or by clicking; you can go back to change an answer.',
    },
    source: 'Johnson, J. A. (2014). Measuring thirty facets of the Five Factor Model with a 120-item public domain inventory. Journal of Research in Personality, 51, 78–89. Items: @bigfive-org/questions.',
    license: 'IPIP items are in the public domain; @bigfive-org/questions and @bigfive-org/results are MIT-licensed.',
    scales: [...DOMAINS].map((d) => ({ id: d, name: domainName(d) })),
    facets: [...DOMAINS].flatMap((d) => [1, 2, 3, 4, 5, 6].map((f) => ({ id: `${d}${f}`, scale: d, name: facetName(d, f) }))),
    items: english.map((q, i) => ({
      id: `i${i + 1}`,
      aliases: [String(i + 1), `q${i + 1}`, `item${i + 1}`, q.id],
      text: Object.fromEntries(languages.map((l) => [l, sources.questions[l]![i]!.text])),
      scale: q.domain,
      facet: `${q.domain}${q.facet}`,
      keyed: q.keyed,
    })),
  };
  return parseInstrumentDefinition(definition, '@bigfive-org/questions');
}
