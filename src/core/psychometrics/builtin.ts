import { createRequire } from 'node:module';
import { buildIpipNeo120, IPIP_NEO_120_ID, type BigFiveSources } from '../../engine/psychometrics';
import type { InstrumentDefinition } from '../../shared/psychometrics';
import { AppError } from '../api/errors';
import type * as QuestionsModule from '@bigfive-org/questions';
import type * as ResultsModule from '@bigfive-org/results';

/**
 * The built-in instruments, read from their npm packages here in the core (the engine does no I/O) and built
 * once. The packages are CommonJS and stay external in the bundle, so they are required at run time.
 */
const requirePackage = createRequire(import.meta.url);

type QuestionsPackage = typeof QuestionsModule;
type ResultsPackage = typeof ResultsModule;

function readBigFive(): BigFiveSources {
  const questions = requirePackage('@bigfive-org/questions') as QuestionsPackage;
  const results = requirePackage('@bigfive-org/results') as ResultsPackage;
  const { version } = requirePackage('@bigfive-org/questions/package.json') as { version: string };
  const languages = questions.getInfo().languages.map((l) => l.id);
  const sources: BigFiveSources = { version, questions: {}, choices: {}, templates: {} };
  for (const language of languages) {
    sources.questions[language] = questions.getQuestions(language).map(({ id, text, keyed, domain, facet }) => ({ id, text, keyed, domain, facet }));
    sources.choices[language] = questions.getChoices(language).plus!.map((choice) => (choice as unknown as { text: string }).text);
  }
  for (const { id } of results.getInfo().languages) {
    const template = results.getTemplate(id) as unknown as Array<{ domain: string; title: string; facets: Array<{ facet: number; title: string }> }>;
    sources.templates[id] = template.map((d) => ({ domain: d.domain, title: d.title, facets: d.facets.map((f) => ({ facet: f.facet, title: f.title })) }));
  }
  return sources;
}

let cache: Map<string, InstrumentDefinition> | null = null;

export function builtinInstruments(): Map<string, InstrumentDefinition> {
  cache ??= new Map([[IPIP_NEO_120_ID, buildIpipNeo120(readBigFive())]]);
  return cache;
}

export function builtinInstrument(id: string): InstrumentDefinition | null {
  return builtinInstruments().get(id.toLowerCase()) ?? null;
}

export function findInstrument(id: string): InstrumentDefinition {
  const found = builtinInstrument(id);
  if (found) return found;
  throw new AppError('NOT_FOUND', `There is no built-in instrument "${id}"; built in: ${[...builtinInstruments().keys()].join(', ')}`);
}
