import { and, asc, isNotNull, isNull, sql } from 'drizzle-orm';
import type { ArchivedFilter, ImportReport } from '../../shared/api';
import { writeCsv } from '../../engine/csv';
import { AppError } from '../api/errors';
import { yieldToEventLoop, type TaskHandle } from '../api/tasks';
import type { ServiceContext } from '../context';
import { people } from '../db/schema';
import { longWrite } from '../db/writes';
import { todayIsoDate } from '../../shared/domain/dates';
import { PEOPLE_COLUMNS, personToCsvRecord } from '../../shared/api/people-csv';
import { analysePeopleCsv, type KnownPeople } from './csv-import';
import { identityKeyOf, insertPeople } from './records';
import { personCondition } from '../scope/sql';

const INSERT_CHUNK = 1_000;

function knownPeople(ctx: ServiceContext): KnownPeople {
  const rows = ctx
    .db()
    .select({ givenNames: people.givenNames, surname: people.surname, dateOfBirth: people.dateOfBirth, email: people.email, archivedAt: people.archivedAt })
    .from(people)
    .all();
  const known: KnownPeople = { byIdentity: new Map(), byEmail: new Map() };
  for (const row of rows) {
    const label = `${row.givenNames} ${row.surname}${row.archivedAt !== null ? ' (archived)' : ''}`;
    known.byIdentity.set(identityKeyOf(row), label);
    if (row.email !== null) known.byEmail.set(row.email, label);
  }
  return known;
}

const decodeBase64 = (content: string): Uint8Array => Buffer.from(content, 'base64');

export async function previewPeopleImport(ctx: ServiceContext, contentBase64: string, task: TaskHandle): Promise<ImportReport> {
  return (await analysePeopleCsv(decodeBase64(contentBase64), knownPeople(ctx), task)).report;
}

/**
 * Imports the valid rows of the file in one transaction: either all of them are stored or (on cancel or
 * error) none. A file with file-level problems is refused whole with its report.
 */
export async function importPeople(ctx: ServiceContext, contentBase64: string, task: TaskHandle) {
  const bytes = decodeBase64(contentBase64);
  return longWrite(ctx.sqlite(), 'An import of people', async () => {
    const { report, valid } = await analysePeopleCsv(bytes, knownPeople(ctx), task);
    if (report.fileProblems.length > 0) {
      throw new AppError('VALIDATION', `The file cannot be imported: ${report.fileProblems.map((p) => p.message).join('; ')}`, { report });
    }
    const total = report.rows + valid.length;
    for (let i = 0; i < valid.length; i += INSERT_CHUNK) {
      task.progress(report.rows + i, total, 'Importing people');
      insertPeople(ctx.sqlite(), valid.slice(i, i + INSERT_CHUNK));
      await yieldToEventLoop();
      task.throwIfCancelled();
    }
    task.progress(total, total, 'Imported');
    return { imported: valid.length, skipped: report.rows - valid.length, report };
  });
}

export function exportPeopleCsv(ctx: ServiceContext, archived: ArchivedFilter) {
  const where = archived === 'exclude' ? isNull(people.archivedAt) : archived === 'only' ? isNotNull(people.archivedAt) : undefined;
  const inScope = personCondition('people.id');
  const rows = ctx
    .db()
    .select()
    .from(people)
    .where(and(where, inScope === null ? undefined : sql.raw(inScope)))
    .orderBy(asc(people.sortKey))
    .all();
  return {
    fileName: `people-${todayIsoDate()}.csv`,
    csv: writeCsv(PEOPLE_COLUMNS.map((c) => c.header), rows.map(personToCsvRecord)),
    rows: rows.length,
  };
}
