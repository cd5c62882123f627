import { existsSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../core/api/errors';
import { builtinInstrument } from '../../core/psychometrics/builtin';
import { asAppError } from '../../core/psychometrics/handlers';
import { PsychometricsPool } from '../../core/workers/psychometrics-pool';
import {
  analysisReport,
  analyze,
  parseInstrumentJson,
  parseKeysCsv,
  parseNormsCsv,
  parseResponsesCsv,
  parseResponseTimesCsv,
  personReport,
  resultTable,
  type AnalysisInput,
  type AnalysisResult,
} from '../../engine/psychometrics';
import { analysisOptionsSchema, populations, validityThresholdsSchema, type InstrumentDefinition } from '../../shared/psychometrics';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io';
import { readUserFile } from '../user-files';
import { analysisSummary } from './analyze-summary';

/** From this many answers (respondents × items) the work goes to the worker pool, with progress. */
const POOL_CELLS = 240_000;

function readText(file: string, what: string): string {
  const path = resolve(file);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `The ${what} file ${file} does not exist`);
  return readUserFile(path).toString('utf8');
}

function numberOption(value: string | undefined, flag: string, check: (x: number) => boolean, expected: string): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || !check(x)) throw new UsageError(`${flag} must be ${expected}, not "${value}"`);
  return x;
}

function loadInstrument(values: { instrument?: string; keys?: string }, range: { min: number; max: number } | undefined): InstrumentDefinition {
  if (values.instrument !== undefined && values.keys !== undefined) throw new UsageError('Give either --instrument or --keys, not both');
  if (values.keys !== undefined) {
    if (!range) throw new UsageError('A keys file does not say the response range: give --min and --max as well');
    return parseKeysCsv(readText(values.keys, 'keys'), { id: basename(values.keys, extname(values.keys)), range, source: basename(values.keys) });
  }
  if (values.instrument === undefined) throw new UsageError('Say which instrument: --instrument ipip-neo-120, --instrument FILE.json or --keys FILE.csv');
  const builtin = builtinInstrument(values.instrument);
  if (builtin) return builtin;
  if (!existsSync(resolve(values.instrument))) {
    throw new UsageError(`"${values.instrument}" is neither a built-in instrument (ipip-neo-120) nor an instrument definition file`);
  }
  return parseInstrumentJson(readText(values.instrument, 'instrument'), basename(values.instrument));
}

/** `--json` output, written a slice of people at a time: 100,000 people do not fit one string. */
function writeJson(io: CliIo, result: AnalysisResult): void {
  const { people: _, ...head } = analysisReport({ ...result, n: 0 });
  const opening = JSON.stringify(head);
  io.out(`${opening.slice(0, -1)},"people":[`);
  const SLICE = 500;
  for (let start = 0; start < result.n; start += SLICE) {
    const end = Math.min(result.n, start + SLICE);
    const people = Array.from({ length: end - start }, (_, i) => JSON.stringify(personReport(result, start + i)));
    io.out(people.join(',\n') + (end < result.n ? ',' : ''));
  }
  io.out(']}');
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'Score questionnaire responses: reliability, careless responding, response time, validity',
  usage: `harmony analyze (--instrument <ipip-neo-120|FILE.json> | --keys FILE.csv) --responses FILE.csv
                [--norms FILE.csv] [--rt FILE.csv] [--min N --max N]
                [--psychsyn-critval 0.6] [--mahad-confidence 0.99]
                [--respondents applicant|incumbent|volunteer] [--allow-norm-mismatch]
                [--thresholds FILE.json] [--json] [--csv-out FILE]

Scores every respondent (scale and facet means, sums when complete, z/T/percentile against --norms), the
reliability of every scale and facet as psych::alpha and omega, careless-responding indices as careless 1.2.2,
response-time screens (--rt) and a validity verdict with reasons.

  --responses FILE.csv   id, then one column per item in presentation order; empty or NA = unanswered
  --keys FILE.csv        item,scale,keyed[,facet] (keyed 1/-1, +/- or plus/minus); needs --min and --max
  --norms FILE.csv       scale,mean,sd[,n,source,label,population]: one comparison group per file
  --rt FILE.csv          id, then item columns with the time per item in milliseconds
  --min/--max N          the response range (overrides the instrument's)
  --psychsyn-critval R   item pairs with |r| above R are psychometric synonyms/antonyms (default 0.6)
  --mahad-confidence P   χ² confidence of the Mahalanobis flag (default 0.99)
  --respondents WHO      who answered; norms of another population are refused (applicants score higher)
  --thresholds FILE.json cut-offs of the validity verdict (see README: Psychometric engine)
  --json                 the full report as JSON on stdout (notes go to stderr)
  --csv-out FILE         one row per respondent: scores, indices, verdict and reasons`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        instrument: { type: 'string' },
        keys: { type: 'string' },
        responses: { type: 'string' },
        norms: { type: 'string' },
        rt: { type: 'string' },
        min: { type: 'string' },
        max: { type: 'string' },
        'psychsyn-critval': { type: 'string' },
        'mahad-confidence': { type: 'string' },
        respondents: { type: 'string' },
        'allow-norm-mismatch': { type: 'boolean' },
        thresholds: { type: 'string' },
        json: { type: 'boolean' },
        'csv-out': { type: 'string' },
      },
    });
    if (values.responses === undefined) throw new UsageError('--responses FILE.csv is required');
    const isWhole = (x: number) => Number.isInteger(x);
    const min = numberOption(values.min, '--min', isWhole, 'a whole number');
    const max = numberOption(values.max, '--max', isWhole, 'a whole number');
    if ((min === undefined) !== (max === undefined)) throw new UsageError('Give --min and --max together');
    if (min !== undefined && max !== undefined && max <= min) throw new UsageError('--max must be greater than --min');
    const range = min !== undefined && max !== undefined ? { min, max } : undefined;
    const inUnit = (x: number) => x > 0 && x < 1;
    const critval = numberOption(values['psychsyn-critval'], '--psychsyn-critval', inUnit, 'a number between 0 and 1');
    const confidence = numberOption(values['mahad-confidence'], '--mahad-confidence', inUnit, 'a number between 0 and 1');
    const respondents = values.respondents ?? 'unspecified';
    if (!(populations as readonly string[]).includes(respondents)) throw new UsageError(`--respondents must be one of ${populations.join(', ')}, not "${respondents}"`);

    let input: AnalysisInput;
    try {
      const thresholds = values.thresholds === undefined ? {} : JSON.parse(readText(values.thresholds, 'thresholds')) as unknown;
      const parsedThresholds = validityThresholdsSchema.safeParse(thresholds);
      if (!parsedThresholds.success) {
        const issues = parsedThresholds.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError('VALIDATION', `${values.thresholds} has cut-offs that cannot be used: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
      }
      const instrument = loadInstrument(values, range);
      const { layout, responses } = parseResponsesCsv(readText(values.responses, 'responses'), instrument, { source: basename(values.responses), ...(range ? { range } : {}) });
      const times = values.rt === undefined ? null : parseResponseTimesCsv(readText(values.rt, 'response-time'), layout, responses, basename(values.rt));
      const norms = values.norms === undefined ? null : parseNormsCsv(readText(values.norms, 'norms'), instrument, basename(values.norms));
      const options = analysisOptionsSchema.parse({
        ...(critval !== undefined ? { psychsynCritval: critval } : {}),
        ...(confidence !== undefined ? { mahadConfidence: confidence } : {}),
        respondents,
        allowNormMismatch: values['allow-norm-mismatch'] ?? false,
        thresholds: parsedThresholds.data,
      });
      input = { layout, responses, times, norms, options };
    } catch (error) {
      throw asAppError(error);
    }

    const result = await run(input, io).catch((error: unknown) => {
      throw asAppError(error);
    });
    const title = builtinInstrument(input.layout.instrumentId)?.name ?? input.layout.instrumentId;
    if (values.json) {
      writeJson(io, result);
      for (const notice of result.notices) io.err(`Note: ${notice}`);
    } else {
      io.out(analysisSummary(result, title));
    }
    if (values['csv-out'] !== undefined) {
      const { header, rows } = resultTable(result);
      writeFileSync(resolve(values['csv-out']), stringify([header, ...rows]));
      (values.json ? io.err : io.out)(`Wrote ${rows.length} respondents to ${values['csv-out']}`);
    }
    return EXIT.ok;
  },
};

async function run(input: AnalysisInput, io: CliIo): Promise<AnalysisResult> {
  const cells = input.responses.n * input.responses.k;
  const progress = (done: number, total: number) => io.progress(`Analysing ${input.responses.n} respondents… ${Math.round((100 * done) / total)}%`);
  if (cells < POOL_CELLS) return analyze(input);
  const pool = new PsychometricsPool();
  const controller = new AbortController();
  void io.interrupted.then(() => controller.abort());
  try {
    return await pool.analyze(input, { signal: controller.signal, onProgress: progress });
  } finally {
    io.progress('');
    await pool.close();
  }
}
