import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Output } from '../../shared/api';
import { decodeText } from '../../shared/files/text-file';
import { pulseSurveySchema, type PulseSurvey } from '../../shared/questionnaires';
import { describeIssues, issuesFromZod } from '../../shared/api';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { pulseSurveys } from '../db/schema';
import { write } from '../db/writes';
import { resourcesDir } from '../paths';
import { loadModel } from '../model-file';

/**
 * Pulse survey definitions (docs/questionnaires.md#pulse-surveys): the versions shipped in resources/pulse,
 * checked against their schema when first read, and edited versions imported by the user. The newest imported
 * version of an id is the one new rounds use; a session keeps the version it was started with.
 */
let shipped: PulseSurvey[] | null = null;

export function shippedSurveys(): PulseSurvey[] {
  if (!shipped) {
    const dir = join(resourcesDir(), 'pulse');
    shipped = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => loadModel(pulseSurveySchema, join(dir, f), 'pulse survey definition'));
  }
  return shipped;
}

function imported(ctx: ServiceContext, key: string): PulseSurvey[] {
  return ctx
    .db()
    .select({ definition: pulseSurveys.definition })
    .from(pulseSurveys)
    .where(and(eq(pulseSurveys.key, key), isNull(pulseSurveys.archivedAt)))
    .orderBy(desc(pulseSurveys.createdAt))
    .all()
    .map((r) => r.definition);
}

/** The survey of this id new rounds use, or of a given version. */
export function pulseSurvey(ctx: ServiceContext, id: string, version?: string): PulseSurvey {
  const all = [...imported(ctx, id), ...shippedSurveys().filter((s) => s.id === id)];
  const found = version === undefined ? all[0] : all.find((s) => s.version === version);
  if (!found) {
    const known = listSurveyIds(ctx).join(', ');
    throw new AppError('NOT_FOUND', `There is no pulse survey "${id}"${version ? ` version ${version}` : ''}; available: ${known}`);
  }
  return found;
}

function listSurveyIds(ctx: ServiceContext): string[] {
  const keys = ctx.db().selectDistinct({ key: pulseSurveys.key }).from(pulseSurveys).where(isNull(pulseSurveys.archivedAt)).all().map((r) => r.key);
  return [...new Set([...shippedSurveys().map((s) => s.id), ...keys])].sort();
}

type Summary = Output<'pulse.surveys'>[number];

export function surveySummary(survey: PulseSurvey, builtin: boolean): Summary {
  return {
    id: survey.id,
    version: survey.version,
    title: survey.title.en!,
    construct: survey.construct,
    items: survey.items.length,
    languages: Object.keys(survey.response.labels).sort(),
    sources: survey.sources.map((s) => s.citation),
    everyDays: survey.everyDays,
    builtin,
  };
}

export function listSurveys(ctx: ServiceContext): Summary[] {
  const builtinVersions = new Set(shippedSurveys().map((s) => `${s.id}@${s.version}`));
  return listSurveyIds(ctx).map((id) => {
    const survey = pulseSurvey(ctx, id);
    return surveySummary(survey, builtinVersions.has(`${survey.id}@${survey.version}`));
  });
}

/** Imports an edited definition as a new version of its id; the same id and version twice is refused. */
export function importSurvey(ctx: ServiceContext, contentBase64: string, fileName = 'pulse-survey.json'): Summary {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(Buffer.from(contentBase64, 'base64'), fileName));
  } catch (error) {
    throw new AppError('VALIDATION', `${fileName} is not valid JSON: ${(error as Error).message}`, { issues: [{ path: fileName, message: 'not JSON' }] });
  }
  const parsed = pulseSurveySchema.safeParse(data);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    throw new AppError('VALIDATION', `${fileName} is not a valid pulse survey: ${describeIssues(issues)}`, { issues });
  }
  const survey = parsed.data;
  if (shippedSurveys().some((s) => s.id === survey.id && s.version === survey.version) || imported(ctx, survey.id).some((s) => s.version === survey.version)) {
    throw new AppError('CONFLICT', `Version ${survey.version} of the pulse survey "${survey.id}" exists already; give the edited one a new version.`, { issues: [{ path: 'version', message: 'already used' }] });
  }
  write(ctx.sqlite(), () => ctx.db().insert(pulseSurveys).values({ key: survey.id, version: survey.version, definition: survey }).run());
  return surveySummary(survey, false);
}
