import type { ImportProblem, ResultsImportReport } from '../../shared/api';
import { isIsoDate, todayIsoDate } from '../../shared/domain/dates';
import type { InstrumentDefinition } from '../../shared/psychometrics';
import { layoutFor, PsychometricsInputError } from '../../engine/psychometrics';
import { isMissingCell, parseNumberCell } from '../../engine/psychometrics/csv';
import { yieldToEventLoop, type TaskHandle } from '../api/tasks';
import { readUploadedCsv } from '../files/csv-upload';
import { sortKeyOf } from '../people/records';

/**
 * Reading a responses CSV of people already in the database (issue 3 §3 import): which person each row is,
 * the day it was answered, and the answers. File problems (encoding, header, columns that are not the
 * instrument's items) block the file; row problems skip the row. Nothing is written here.
 */

/** Live people, by the three ways a row can name them. */
export interface PeopleIndex {
  byId: Map<string, string>;
  byEmail: Map<string, string[]>;
  bySortKey: Map<string, string[]>;
  names: Map<string, string>;
}

export interface ResultRowToStore {
  line: number;
  personId: string;
  takenOn: string;
  values: Array<number | null>;
  answered: number;
}

export interface ResultsCsvAnalysis {
  report: ResultsImportReport;
  /** Item columns in file order: the presentation order (docs/psychometrics.md#1-data-conventions). */
  items: string[];
  valid: ResultRowToStore[];
}

const META_COLUMNS = ['person_id', 'email', 'given_names', 'surname', 'taken_on'] as const;
type MetaColumn = (typeof META_COLUMNS)[number];
const PREVIEW_ROWS = 20;
const MAX_LISTED_PROBLEMS = 500;
const CHECK_BATCH = 2_000;

const problem = (message: string, line: number | null = null, column: string | null = null): ImportProblem => ({ line, column, message });
const blocked = (fileProblems: ImportProblem[]): ResultsCsvAnalysis => ({ report: { fileProblems, rows: 0, validRows: 0, rowProblems: [], preview: [] }, items: [], valid: [] });

const normaliseHeader = (raw: string) => raw.trim().toLowerCase().replace(/[\s-]+/g, '_');

interface Header {
  meta: Partial<Record<MetaColumn, number>>;
  itemColumns: number[];
}

function readHeader(header: string[], instrument: InstrumentDefinition): Header | ImportProblem[] {
  const meta: Partial<Record<MetaColumn, number>> = {};
  const itemColumns: number[] = [];
  const problems: ImportProblem[] = [];
  header.forEach((raw, index) => {
    const name = normaliseHeader(raw);
    if ((META_COLUMNS as readonly string[]).includes(name)) {
      if (meta[name as MetaColumn] !== undefined) problems.push(problem(`The column "${raw}" appears twice`, 1, raw));
      meta[name as MetaColumn] = index;
    } else itemColumns.push(index);
  });
  if (meta.taken_on === undefined) problems.push(problem('The required column "taken_on" (the day the questionnaire was answered, YYYY-MM-DD) is missing', 1, 'taken_on'));
  const byName = meta.given_names !== undefined && meta.surname !== undefined;
  if (meta.person_id === undefined && meta.email === undefined && !byName) {
    problems.push(problem('Name the person of each row: add a "person_id" column, an "email" column, or "given_names" and "surname"', 1));
  }
  try {
    layoutFor(instrument, itemColumns.map((c) => header[c]!), { source: 'the file' });
  } catch (error) {
    if (!(error instanceof PsychometricsInputError)) throw error;
    for (const issue of error.issues) {
      const column = /column (.+)$/.exec(issue.path)?.[1] ?? null;
      problems.push(problem(`${issue.message}. Besides person_id, email, given_names, surname and taken_on, every column is an item of ${instrument.name ?? instrument.id}`, 1, column));
    }
  }
  return problems.length ? problems : { meta, itemColumns };
}

type Match = { personId: string; matchedBy: 'id' | 'email' | 'name' } | { problem: ImportProblem };

function matchPerson(cell: (c: MetaColumn) => string, people: PeopleIndex, line: number): Match {
  const id = cell('person_id');
  if (id) return people.byId.has(id) ? { personId: id, matchedBy: 'id' } : { problem: problem(`No person with id "${id}" in the database`, line, 'person_id') };
  const one = (found: string[] | undefined, what: string, column: string, matchedBy: 'email' | 'name'): Match => {
    if (!found || found.length === 0) return { problem: problem(`No person with ${what} in the database`, line, column) };
    if (found.length > 1) return { problem: problem(`${found.length} people have ${what}; give their person_id instead`, line, column) };
    return { personId: found[0]!, matchedBy };
  };
  const email = cell('email').toLowerCase();
  if (email) return one(people.byEmail.get(email), `the e-mail ${email}`, 'email', 'email');
  const givenNames = cell('given_names');
  const surname = cell('surname');
  if (givenNames && surname) return one(people.bySortKey.get(sortKeyOf({ givenNames, surname })), `the name ${givenNames} ${surname}`, 'surname', 'name');
  return { problem: problem('The row names nobody: fill person_id, email, or given_names and surname', line) };
}

/**
 * Analyses the whole file. `stored` holds `personId|takenOn` of live results of this instrument, so an import of
 * the same file twice is reported row by row instead of failing at the end.
 */
export async function analyseResultsCsv(
  bytes: Uint8Array,
  instrument: InstrumentDefinition,
  people: PeopleIndex,
  stored: ReadonlySet<string>,
  task?: TaskHandle,
): Promise<ResultsCsvAnalysis> {
  const table = await readUploadedCsv(bytes, task);
  if (!('rows' in table)) return blocked([table]);
  const { rows, lines } = table;
  const head = table.header;
  const header = readHeader(head, instrument);
  if (Array.isArray(header)) return blocked(header);
  if (rows.length === 0) return blocked([problem('The file has a header but no rows of answers', table.headerLine)]);

  const { min, max } = instrument.response;
  const width = head.length;
  const today = todayIsoDate();
  const valid: ResultRowToStore[] = [];
  const preview: ResultsImportReport['preview'] = [];
  const rowProblems: ImportProblem[] = [];
  let problemCount = 0;
  const inFile = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 1) {
    if (i > 0 && i % CHECK_BATCH === 0) {
      task?.progress(i, rows.length, 'Checking rows');
      await yieldToEventLoop();
      task?.throwIfCancelled();
    }
    const record = rows[i]!;
    const line = lines[i]!;
    const problems: ImportProblem[] = [];
    const cell = (c: MetaColumn) => (header.meta[c] === undefined ? '' : (record[header.meta[c]!] ?? ''));
    if (record.length !== width) problems.push(problem(`Has ${record.length} fields; the header has ${width}`, line));
    else {
      const takenOn = cell('taken_on');
      if (!isIsoDate(takenOn)) problems.push(problem(`"${takenOn}" is not a date; write YYYY-MM-DD`, line, 'taken_on'));
      else if (takenOn > today) problems.push(problem(`${takenOn} is in the future`, line, 'taken_on'));
      const match = matchPerson(cell, people, line);
      if ('problem' in match) problems.push(match.problem);
      const values = header.itemColumns.map((c) => {
        const raw = record[c]!;
        if (isMissingCell(raw)) return null;
        const value = parseNumberCell(raw);
        if (value === null || !Number.isInteger(value) || value < min || value > max) {
          problems.push(problem(`"${raw}" is not an answer: use a whole number from ${min} to ${max}, or leave it empty when unanswered`, line, head[c]!));
          return null;
        }
        return value;
      });
      const answered = values.filter((v) => v !== null).length;
      if (answered === 0 && problems.length === 0) problems.push(problem('The row has no answers', line));
      if (problems.length === 0 && 'personId' in match) {
        const key = `${match.personId}|${takenOn}`;
        const name = people.names.get(match.personId)!;
        if (inFile.has(key)) problems.push(problem(`${name} already has a row for ${takenOn} on line ${inFile.get(key)}`, line));
        else if (stored.has(key)) problems.push(problem(`${name} already has a stored ${instrument.name ?? instrument.id} result for ${takenOn}`, line));
        else {
          inFile.set(key, line);
          valid.push({ line, personId: match.personId, takenOn, values, answered });
          if (preview.length < PREVIEW_ROWS) preview.push({ line, personId: match.personId, personName: name, matchedBy: match.matchedBy, takenOn, answered });
        }
      }
    }
    for (const p of problems) {
      problemCount += 1;
      if (rowProblems.length < MAX_LISTED_PROBLEMS) rowProblems.push(p);
    }
  }
  if (problemCount > rowProblems.length) rowProblems.push(problem(`… and ${problemCount - rowProblems.length} more problems`));
  return { report: { fileProblems: [], rows: rows.length, validRows: valid.length, rowProblems, preview }, items: header.itemColumns.map((c) => head[c]!), valid };
}
