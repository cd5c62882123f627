import { parseArgs } from 'node:util';
import { AppError, type Core } from '../../core/core';
import type { Input, Output } from '../../shared/api';
import { csvForFile } from '../../shared/files/csv-file';
import { decodeText, TextFileError } from '../../shared/files/text-file';
import { analysisOptionsSchema, populations, validityThresholdsSchema } from '../../shared/psychometrics';
import { analysisInputOptions, analysisInputUsage, checkAnalysisUsage, numberOption, readAnalysisInput } from '../analysis-input';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io';
import { readInputFile } from '../read-file';
import { outputPath, writeUserFile } from '../user-files';
import { withProgress, withStatelessCore } from '../with-core';
import { analysisSummary } from './analyze-summary';

type Report = Output<'psychometrics.analyze'>;
const TASK = 'cli-analyze';

/** `--json` output, written a slice of people at a time: 100,000 people do not fit one string. */
function writeJson(io: CliIo, report: Report): void {
  const { instrument, scales, facets, people } = report;
  const opening = JSON.stringify({ instrument, scales, facets });
  io.out(`${opening.slice(0, -1)},"people":[`);
  const SLICE = 500;
  for (let start = 0; start < people.length; start += SLICE) {
    const end = Math.min(people.length, start + SLICE);
    io.out(people.slice(start, end).map((p) => JSON.stringify(p)).join(',\n') + (end < people.length ? ',' : ''));
  }
  io.out(']}');
}

/** The validity cut-offs of `--thresholds FILE.json`, checked here so that the message names the file. */
async function readThresholds(file: string): Promise<unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeText(await readInputFile(file, { what: 'thresholds', maxBytes: 1024 * 1024 }), file));
  } catch (error) {
    if (error instanceof TextFileError) throw new AppError('VALIDATION', error.message);
    if (error instanceof SyntaxError) throw new AppError('VALIDATION', `${file} is not valid JSON: ${error.message}`);
    throw error;
  }
  const parsed = validityThresholdsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError('VALIDATION', `${file} has cut-offs that cannot be used: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'Score questionnaire responses: reliability, careless responding, response time, validity',
  usage: `harmony analyze (--instrument <ipip-neo-120|FILE.json> | --keys FILE.csv) --responses FILE.csv
                [--norms FILE.csv] [--rt FILE.csv] [--min N --max N]
                [--psychsyn-critval 0.6] [--mahad-confidence 0.99]
                [--respondents applicant|incumbent|volunteer] [--allow-norm-mismatch]
                [--thresholds FILE.json] [--json] [--csv-out FILE [--force]]

Scores every respondent (scale and facet means, sums when complete, z/T/percentile against --norms), the
reliability of every scale and facet as psych::alpha and omega, careless-responding indices as careless 1.2.2,
response-time screens (--rt) and a validity verdict with reasons. Files are UTF-8 (or UTF-16) CSV, comma,
semicolon or tab separated.

${analysisInputUsage}
  --psychsyn-critval R   item pairs with |r| above R are psychometric synonyms/antonyms (default 0.6)
  --mahad-confidence P   χ² confidence of the Mahalanobis flag (default 0.99)
  --respondents WHO      who answered; norms of another population are refused (applicants score higher)
  --thresholds FILE.json cut-offs of the validity verdict, such as {"irv": {"questionable": 0.2}}; null switches
                         one off, and a cut-off left out keeps its default
  --json                 the full report as JSON on stdout (notes go to stderr)
  --csv-out FILE         one row per respondent: scores, indices, verdict and reasons (with the UTF-8 mark
                         spreadsheets look for); an existing FILE is replaced only with --force`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        ...analysisInputOptions,
        'psychsyn-critval': { type: 'string' },
        'mahad-confidence': { type: 'string' },
        respondents: { type: 'string' },
        'allow-norm-mismatch': { type: 'boolean' },
        thresholds: { type: 'string' },
        json: { type: 'boolean' },
        'csv-out': { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    });
    checkAnalysisUsage(values);
    const inUnit = (x: number) => x > 0 && x < 1;
    const critval = numberOption(values['psychsyn-critval'], '--psychsyn-critval', inUnit, 'a number between 0 and 1');
    const confidence = numberOption(values['mahad-confidence'], '--mahad-confidence', inUnit, 'a number between 0 and 1');
    const respondents = values.respondents ?? 'unspecified';
    if (!(populations as readonly string[]).includes(respondents)) throw new UsageError(`--respondents must be one of ${populations.join(', ')}, not "${respondents}"`);

    const force = values.force ?? false;
    const csvOut = values['csv-out'] === undefined ? null : outputPath(values['csv-out'], 'analysis.csv', force);
    return withStatelessCore(async (core) => {
      const thresholds = values.thresholds === undefined ? {} : await readThresholds(values.thresholds);
      const options = analysisOptionsSchema.parse({
        ...(critval !== undefined ? { psychsynCritval: critval } : {}),
        ...(confidence !== undefined ? { mahadConfidence: confidence } : {}),
        respondents,
        allowNormMismatch: values['allow-norm-mismatch'] ?? false,
        thresholds,
      });
      const report = await analyse(core, io, {
        ...(await readAnalysisInput(core, values)),
        options,
        include: { summary: !values.json, csv: values['csv-out'] !== undefined },
      });
      if (values.json) {
        writeJson(io, report);
        for (const notice of report.notices) io.err(`Note: ${notice}`);
      } else {
        io.out(analysisSummary(report, report.summary!));
      }
      if (csvOut !== null) {
        writeUserFile(csvOut, csvForFile(report.csv!), force);
        (values.json ? io.err : io.out)(`Wrote ${report.people.length} respondents to ${csvOut}`);
      }
      return EXIT.ok;
    });
  },
};

/** The analysis as a task of the core: progress on the terminal line, Ctrl+C cancels it. */
function analyse(core: Core, io: CliIo, input: Input<'psychometrics.analyze'>): Promise<Report> {
  void io.interrupted.then(() => core.call('tasks.cancel', { taskId: TASK }).catch(() => undefined));
  return withProgress(core, io, TASK, () => core.call('psychometrics.analyze', input, { taskId: TASK }));
}
