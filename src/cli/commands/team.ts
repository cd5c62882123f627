import { parseArgs } from 'node:util';
import { teamReportSchema, type TeamFilesInput } from '../../shared/api';
import { populations, type Population } from '../../shared/psychometrics';
import { analysisInputOptions, checkAnalysisUsage, readAnalysisInput, textFile } from '../analysis-input';
import { EXIT, UsageError, type CliCommand } from '../io';
import { withProgress, withStatelessCore } from '../with-core';
import { teamSummary } from './team-summary';

/** The analysis's data options, without response times (team figures do not use them). */
const { rt: _rt, ...dataOptions } = analysisInputOptions;

const USAGE = `harmony team (--instrument <ipip-neo-120|FILE.json> | --keys FILE.csv --min N --max N)
             --responses FILE.csv --teams TEAMS.csv [--norms FILE.csv]
             [--respondents applicant|incumbent|volunteer] [--allow-norm-mismatch] [--json]

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

export const teamCommand: CliCommand = {
  name: 'team',
  summary: 'Team composition, person–team fit, harmony index and diagnosis for teams of respondents',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        ...dataOptions,
        teams: { type: 'string' },
        respondents: { type: 'string' },
        'allow-norm-mismatch': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    checkAnalysisUsage(values);
    if (values.teams === undefined) throw new UsageError('--teams TEAMS.csv is required (columns id,team)');
    const respondents = values.respondents ?? 'unspecified';
    if (!(populations as readonly string[]).includes(respondents)) throw new UsageError(`--respondents must be one of ${populations.join(', ')}, not "${respondents}"`);

    return withStatelessCore(async (core) => {
      const { instrument, responses, norms, range } = await readAnalysisInput(core, values);
      const input: TeamFilesInput = {
        instrument,
        responses,
        norms,
        range,
        teams: await textFile(values.teams!, 'teams'),
        respondents: respondents as Population,
        allowNormMismatch: values['allow-norm-mismatch'] ?? false,
      };
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
