import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { teamReportSchema, type TeamFilesInput } from '../../shared/api';
import { populations, type Population } from '../../shared/psychometrics';
import { EXIT, UsageError, type CliCommand } from '../io';
import { withCore, withProgress } from '../with-core';
import { teamSummary } from './team-summary';

const USAGE = `harmony team (--instrument <ipip-neo-120|FILE.json> | --keys FILE.csv --min N --max N)
             --responses FILE.csv --teams TEAMS.csv [--norms FILE.csv]
             [--respondents applicant|incumbent|volunteer] [--allow-norm-mismatch] [--json] [--data-dir DIR]

Team figures for each team of TEAMS.csv: composition per domain (n, mean, sd, sd of the population, min, max,
range) on raw scale means and, with --norms, in SD from the norm; person–team fit (leave-one-out distance and
profile correlation); the harmony index with its parts, weights and sources; and a diagnosis in plain words.
Every member is taken as the responses file has them, whatever their validity verdict (the diagnosis names
questionable and invalid ones). Advisory figures: they decide nothing about any person.

  --teams FILE.csv       id,team — which respondent is in which team (a respondent may be in several)
  --responses FILE.csv   id, then one column per item in presentation order; empty or NA = unanswered
  --keys FILE.csv        item,scale,keyed[,facet]; needs --min and --max
  --norms FILE.csv       scale,mean,sd[,n,source,label,population]: one comparison group
  --min/--max N          the response range (overrides the instrument's)
  --respondents WHO      who answered; norms of another population are refused unless --allow-norm-mismatch
  --json                 the report as JSON on stdout (notes go to stderr)`;

function readText(file: string, what: string): { name: string; text: string } {
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`The ${what} file ${file} does not exist`);
  return { name: basename(file), text: readFileSync(path, 'utf8') };
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isInteger(x)) throw new UsageError(`${flag} must be a whole number, not "${value}"`);
  return x;
}

export const teamCommand: CliCommand = {
  name: 'team',
  summary: 'Team composition, person–team fit, harmony index and diagnosis for teams of respondents',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        instrument: { type: 'string' },
        keys: { type: 'string' },
        responses: { type: 'string' },
        norms: { type: 'string' },
        teams: { type: 'string' },
        min: { type: 'string' },
        max: { type: 'string' },
        respondents: { type: 'string' },
        'allow-norm-mismatch': { type: 'boolean' },
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
      },
    });
    if (values.responses === undefined) throw new UsageError('--responses FILE.csv is required');
    if (values.teams === undefined) throw new UsageError('--teams TEAMS.csv is required (columns id,team)');
    if (values.instrument !== undefined && values.keys !== undefined) throw new UsageError('Give either --instrument or --keys, not both');
    if (values.instrument === undefined && values.keys === undefined) throw new UsageError('Say which instrument: --instrument ipip-neo-120, --instrument FILE.json or --keys FILE.csv');
    const min = wholeNumber(values.min, '--min');
    const max = wholeNumber(values.max, '--max');
    if ((min === undefined) !== (max === undefined)) throw new UsageError('Give --min and --max together');
    if (min !== undefined && max !== undefined && max <= min) throw new UsageError('--max must be greater than --min');
    if (values.keys !== undefined && min === undefined) throw new UsageError('A keys file does not say the response range: give --min and --max as well');
    const respondents = values.respondents ?? 'unspecified';
    if (!(populations as readonly string[]).includes(respondents)) throw new UsageError(`--respondents must be one of ${populations.join(', ')}, not "${respondents}"`);

    const looksLikeFile = values.instrument !== undefined && (/\.json$/i.test(values.instrument) || existsSync(resolve(values.instrument)));
    const input: TeamFilesInput = {
      instrument:
        values.keys !== undefined
          ? { kind: 'keys', file: readText(values.keys, 'keys') }
          : looksLikeFile
            ? { kind: 'definition', file: readText(values.instrument!, 'instrument') }
            : { kind: 'builtin', id: values.instrument! },
      range: min !== undefined && max !== undefined ? { min, max } : null,
      responses: readText(values.responses, 'responses'),
      norms: values.norms === undefined ? null : readText(values.norms, 'norms'),
      teams: readText(values.teams, 'teams'),
      respondents: respondents as Population,
      allowNormMismatch: values['allow-norm-mismatch'] ?? false,
    };
    return withCore(values['data-dir'], async (core) => {
      const { report, notices } = await withProgress(core, io, 'cli-team', () => core.call('team.analyzeFiles', input, { taskId: 'cli-team' }));
      // The documented shape, checked before it is printed.
      const checked = teamReportSchema.parse(report);
      if (values.json) {
        io.out(JSON.stringify(checked));
        for (const notice of notices) io.err(`Note: ${notice}`);
      } else {
        io.out(teamSummary(checked, notices));
      }
      return EXIT.ok;
    });
  },
};
