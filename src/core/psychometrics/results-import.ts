import { and, eq, isNull } from 'drizzle-orm';
import type { NormRef, ResultsImportReport } from '../../shared/api';
import { AppError } from '../api/errors';
import type { TaskHandle } from '../api/tasks';
import type { ServiceContext } from '../context';
import { assessmentResults, people } from '../db/schema';
import { longWrite } from '../db/writes';
import { resolveInstrument } from './instruments';
import { analyseResultsCsv, type PeopleIndex } from './results-csv';
import { scoreAndStore } from './score-store';

export interface ResultsImportRequest {
  contentBase64: string;
  fileName?: string | undefined;
  instrumentId: string;
  context: 'applicant' | 'incumbent';
  normRef: NormRef | null;
}

function peopleIndex(ctx: ServiceContext): PeopleIndex {
  const rows = ctx
    .db()
    .select({ id: people.id, email: people.email, sortKey: people.sortKey, givenNames: people.givenNames, surname: people.surname })
    .from(people)
    .where(isNull(people.archivedAt))
    .all();
  const index: PeopleIndex = { byId: new Map(), byEmail: new Map(), bySortKey: new Map(), names: new Map() };
  const add = (map: Map<string, string[]>, key: string, id: string) => map.set(key, [...(map.get(key) ?? []), id]);
  for (const row of rows) {
    const name = `${row.givenNames} ${row.surname}`;
    index.byId.set(row.id, name);
    index.names.set(row.id, name);
    if (row.email) add(index.byEmail, row.email, row.id);
    add(index.bySortKey, row.sortKey, row.id);
  }
  return index;
}

function storedKeys(ctx: ServiceContext, instrumentId: string): Set<string> {
  const rows = ctx
    .db()
    .select({ personId: assessmentResults.personId, takenOn: assessmentResults.takenOn })
    .from(assessmentResults)
    .where(and(eq(assessmentResults.instrumentId, instrumentId), isNull(assessmentResults.archivedAt)))
    .all();
  return new Set(rows.map((r) => `${r.personId}|${r.takenOn}`));
}

const decode = (content: string): Uint8Array => Buffer.from(content, 'base64');

export async function previewResultsImport(ctx: ServiceContext, request: ResultsImportRequest, task: TaskHandle): Promise<ResultsImportReport> {
  const instrument = resolveInstrument(ctx, request.instrumentId, { forNewResults: true });
  return (await analyseResultsCsv(decode(request.contentBase64), instrument, peopleIndex(ctx), storedKeys(ctx, instrument.id), task)).report;
}

/**
 * Checks the file again inside the transaction (nothing changed since the preview can slip in), then scores the
 * valid rows as one batch and stores them: all of them, or on error or cancel none.
 */
export async function importResults(ctx: ServiceContext, request: ResultsImportRequest, task: TaskHandle) {
  const instrument = resolveInstrument(ctx, request.instrumentId, { forNewResults: true });
  const bytes = decode(request.contentBase64);
  return longWrite(ctx.sqlite(), 'An import of assessment results', async () => {
    const { report, items, valid } = await analyseResultsCsv(bytes, instrument, peopleIndex(ctx), storedKeys(ctx, instrument.id), task);
    if (report.fileProblems.length > 0) {
      throw new AppError('VALIDATION', `The file cannot be imported: ${report.fileProblems.map((p) => p.message).join('; ')}`, { report });
    }
    if (valid.length === 0) throw new AppError('VALIDATION', 'No row of the file can be imported; the report lists why.', { report });
    const stored = await scoreAndStore(ctx, { instrument, items, rows: valid, context: request.context, normRef: request.normRef, sourceFile: request.fileName ?? null }, task);
    return { imported: valid.length, skipped: report.rows - valid.length, report, batchId: stored.batchId, notices: stored.notices };
  });
}
