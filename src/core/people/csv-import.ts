import type { ImportProblem, ImportReport, ParsedPersonInput } from '../../shared/api';
import { personInputSchema } from '../../shared/api';
import { resolveCountry } from '../../shared/domain/countries';
import { ageBelowMinimum, MINIMUM_CREW_AGE } from '../../shared/domain/crew';
import { todayIsoDate } from '../../shared/domain/dates';
import { yieldToEventLoop, type TaskHandle } from '../api/tasks';
import { readUploadedCsv } from '../files/csv-upload';
import { LIST_SEPARATOR, PEOPLE_COLUMNS, normaliseHeader, type PeopleColumn, type PersonField } from '../../shared/api/people-csv';
import { identityKeyOf } from './records';

/** What is already stored, to recognise people imported twice: identity key or e-mail → who and whether archived. */
export interface KnownPeople {
  byIdentity: Map<string, string>;
  byEmail: Map<string, string>;
}

export interface CsvAnalysis {
  report: ImportReport;
  valid: ParsedPersonInput[];
}

const PREVIEW_ROWS = 20;
/** A report lists this many row problems, then says how many more there are. */
const MAX_LISTED_PROBLEMS = 500;
const CHECK_BATCH = 2_000;

const fileProblem = (message: string, line: number | null = null, column: string | null = null): ImportProblem => ({ line, column, message });

function emptyReport(fileProblems: ImportProblem[]): CsvAnalysis {
  return { report: { fileProblems, rows: 0, validRows: 0, rowProblems: [], rowWarnings: [], preview: [] }, valid: [] };
}

/** Checks the header row: every required column present, no unknown or repeated column. */
function mapHeader(header: string[]): Map<number, PeopleColumn> | ImportProblem[] {
  const problems: ImportProblem[] = [];
  const mapping = new Map<number, PeopleColumn>();
  const seen = new Set<string>();
  const expected = PEOPLE_COLUMNS.map((c) => c.header).join(', ');
  header.forEach((raw, index) => {
    const name = normaliseHeader(raw);
    const column = PEOPLE_COLUMNS.find((c) => c.header === name);
    if (!column) problems.push(fileProblem(`Unknown column "${raw}". The columns are: ${expected}`, 1, raw));
    else if (seen.has(name)) problems.push(fileProblem(`The column "${raw}" appears twice`, 1, raw));
    else {
      seen.add(name);
      mapping.set(index, column);
    }
  });
  for (const column of PEOPLE_COLUMNS) {
    if (column.required && !seen.has(column.header)) problems.push(fileProblem(`The required column "${column.header}" is missing`, 1, column.header));
  }
  return problems.length > 0 ? problems : mapping;
}

function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A number, blank for none; any other text is left for the schema to name what is wrong with it. */
function numberOrText(cell: string): unknown {
  const text = cell.trim();
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
}

/** How a cell becomes a field's input where it is not the cell's text; the schema then checks every field. */
const CELL_READERS: Partial<Record<PersonField, (cell: string, problem: (message: string) => void) => unknown>> = {
  nationalities: (cell, problem) => {
    const codes: string[] = [];
    for (const name of splitList(cell)) {
      const code = resolveCountry(name);
      if (code === null) problem(`Unknown country "${name}" (use a country name, or its three-letter code such as GBR)`);
      else if (!codes.includes(code)) codes.push(code);
    }
    return codes;
  },
  languages: splitList,
  noticeDays: numberOrText,
};

/** One CSV record → a validated person, or the problems that keep it out (by column). */
function readRow(record: string[], mapping: Map<number, PeopleColumn>, line: number, width: number): { person: ParsedPersonInput } | { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  if (record.length !== width) {
    problems.push({ line, column: null, message: `Has ${record.length} fields; the header has ${width}` });
    return { problems };
  }
  const raw: Record<string, unknown> = {};
  for (const [index, column] of mapping) {
    const cell = record[index] ?? '';
    const read = CELL_READERS[column.field];
    raw[column.field] = read ? read(cell, (message) => problems.push({ line, column: column.header, message })) : cell;
  }
  const parsed = personInputSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      const column = PEOPLE_COLUMNS.find((c) => c.field === field);
      problems.push({ line, column: column?.header ?? null, message: issue.message });
    }
  }
  if (problems.length > 0 || !parsed.success) return { problems };
  return { person: parsed.data };
}

/**
 * Reads a people CSV and says what would happen: file-level problems (encoding, empty file, bad CSV, wrong
 * headers) block it; row problems (bad values, unknown countries, the same person twice in the file or already
 * stored) skip that row. Nothing is written here. Yields between batches so progress shows and cancel works.
 */
export async function analysePeopleCsv(bytes: Uint8Array, known: KnownPeople, task?: TaskHandle, progressTotal?: number): Promise<CsvAnalysis> {
  const table = await readUploadedCsv(bytes, task);
  if (!('rows' in table)) return emptyReport([table]);
  const { header, rows, lines } = table;
  const mapping = mapHeader(header);
  if (Array.isArray(mapping)) return emptyReport(mapping);
  if (rows.length === 0) return emptyReport([fileProblem('The file has a header but no rows of people', table.headerLine)]);

  const valid: ParsedPersonInput[] = [];
  const preview: ImportReport['preview'] = [];
  const rowProblems: ImportProblem[] = [];
  const rowWarnings: ImportProblem[] = [];
  const today = todayIsoDate();
  let problemCount = 0;
  const inFileIdentity = new Map<string, number>();
  const inFileEmail = new Map<string, number>();
  const width = header.length;

  for (let i = 0; i < rows.length; i += 1) {
    if (i % CHECK_BATCH === 0 && i > 0) {
      task?.progress(i, progressTotal ?? rows.length, 'Checking rows');
      await yieldToEventLoop();
      task?.throwIfCancelled();
    }
    const record = rows[i]!;
    const line = lines[i]!;
    const result = readRow(record, mapping, line, width);
    let problems = 'problems' in result ? result.problems : [];
    if ('person' in result) {
      const person = result.person;
      const identity = identityKeyOf(person);
      const duplicate = (where: string, column: string): ImportProblem => ({ line, column, message: where });
      const stored = known.byIdentity.get(identity) ?? (person.email ? known.byEmail.get(person.email) : undefined);
      const earlier = inFileIdentity.get(identity) ?? (person.email ? inFileEmail.get(person.email) : undefined);
      if (earlier !== undefined) problems = [duplicate(`The same person as line ${earlier} (same name and date of birth, or same e-mail)`, inFileIdentity.has(identity) ? 'surname' : 'email')];
      else if (stored !== undefined) problems = [duplicate(`Already stored: ${stored}`, known.byIdentity.has(identity) ? 'surname' : 'email')];
      else {
        inFileIdentity.set(identity, line);
        if (person.email) inFileEmail.set(person.email, line);
        valid.push(person);
        const age = ageBelowMinimum(person.dateOfBirth, today);
        if (age !== null && rowWarnings.length < MAX_LISTED_PROBLEMS) {
          rowWarnings.push({ line, column: 'date_of_birth', message: `Aged ${age} today: nobody under ${MINIMUM_CREW_AGE} may work at sea; check the date of birth` });
        }
        if (preview.length < PREVIEW_ROWS) {
          preview.push({ line, givenNames: person.givenNames, surname: person.surname, dateOfBirth: person.dateOfBirth, nationalities: person.nationalities, email: person.email });
        }
      }
    }
    for (const problem of problems) {
      problemCount += 1;
      if (rowProblems.length < MAX_LISTED_PROBLEMS) rowProblems.push(problem);
    }
  }
  if (problemCount > rowProblems.length) {
    rowProblems.push({ line: null, column: null, message: `… and ${problemCount - rowProblems.length} more problems` });
  }
  return { report: { fileProblems: [], rows: rows.length, validRows: valid.length, rowProblems, rowWarnings, preview }, valid };
}
