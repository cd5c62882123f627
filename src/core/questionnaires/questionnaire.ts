import type { InstrumentDefinition } from '../../shared/psychometrics';
import type { PulseSurvey } from '../../shared/questionnaires';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { resolveInstrument } from '../psychometrics/instruments';
import { pulseSurvey } from './pulse-surveys';
import { languageName } from '../../shared/domain/languages';

/**
 * An instrument or a pulse survey as a person answers it: the items in presentation order, their texts, the
 * answer labels and the instructions in one language. The same for the kiosk and the invitation page.
 */
export interface Questionnaire {
  kind: 'assessment' | 'pulse';
  id: string;
  version: string;
  title: string;
  range: { min: number; max: number };
  /** Languages in which every item has a text. */
  languages: string[];
  items: string[];
  text(language: string): { items: Array<{ id: string; text: string }>; labels: string[]; instructions: string[] };
  instrument: InstrumentDefinition | null;
  survey: PulseSurvey | null;
}

const DEFAULT_INSTRUCTIONS = 'Say how much each statement describes you, with the keys 1 to 5 or by clicking. You can go back to change an answer.';

function fromInstrument(def: InstrumentDefinition): Questionnaire {
  const complete = (language: string) => def.items.every((item) => item.text[language]?.trim());
  const languages = [...new Set([...def.languages, ...def.items.flatMap((i) => Object.keys(i.text))])].filter(complete).sort();
  const options = def.response.max - def.response.min + 1;
  return {
    kind: 'assessment',
    id: def.id,
    version: def.version,
    title: def.name ?? def.id,
    range: def.response,
    languages,
    items: def.items.map((item) => item.id),
    instrument: def,
    survey: null,
    text: (language) => ({
      items: def.items.map((item) => ({ id: item.id, text: item.text[language] ?? item.text.en ?? item.id })),
      labels: def.responseLabels[language] ?? def.responseLabels.en ?? Array.from({ length: options }, (_, i) => String(def.response.min + i)),
      instructions: [def.instructions[language] ?? def.instructions.en ?? DEFAULT_INSTRUCTIONS],
    }),
  };
}

function fromSurvey(survey: PulseSurvey): Questionnaire {
  const languages = Object.keys(survey.response.labels).sort();
  return {
    kind: 'pulse',
    id: survey.id,
    version: survey.version,
    title: survey.title.en!,
    range: { min: survey.response.min, max: survey.response.max },
    languages,
    items: survey.items.map((item) => item.id),
    instrument: null,
    survey,
    text: (language) => ({
      items: survey.items.map((item) => ({ id: item.id, text: item.text[language] ?? item.text.en! })),
      labels: survey.response.labels[language] ?? survey.response.labels.en!,
      instructions: [survey.instructions[language] ?? survey.instructions.en!],
    }),
  };
}

export function questionnaireOf(ctx: ServiceContext, kind: 'assessment' | 'pulse', id: string, version?: string, forNew = false): Questionnaire {
  if (kind === 'pulse') return fromSurvey(pulseSurvey(ctx, id, version));
  return fromInstrument(resolveInstrument(ctx, id, { forNewResults: forNew }));
}

/** Refuses a language the questionnaire has no complete text in, naming those it has. */
export function assertLanguage(q: Questionnaire, language: string): void {
  if (q.languages.includes(language)) return;
  const offered = q.languages.map((l) => `${languageName(l)} (${l})`).join(', ');
  throw new AppError('VALIDATION', `${q.title} has no texts in "${language}"; it can be answered in ${offered || 'no language: its items have no texts'}.`, {
    issues: [{ path: 'language', message: 'not offered by this questionnaire' }],
  });
}
