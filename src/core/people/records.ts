import { eq } from 'drizzle-orm';
import type { ParsedPersonInput, Person } from '../../shared/api';
import { foldText, searchWords } from '../../shared/domain/text';
import { notFound } from '../api/errors';
import type Database from 'better-sqlite3';
import type { Db } from '../db/database';
import { newId, nowIso } from '../db/ids';
import { insertAll } from '../db/insert-all';
import { statement } from '../db/statements';
import { people, personSearchTerms } from '../db/schema';

/**
 * The only code that writes the people table and its search terms (callers wrap it in `write`/`longWrite`).
 * Keys: `sortKey` orders the crew list and, with the date of birth, recognises the same person twice.
 */
export type PersonRow = typeof people.$inferSelect;

export const sortKeyOf = (p: { surname: string; givenNames: string }): string => foldText(`${p.surname} ${p.givenNames}`);
export const identityKeyOf = (p: { surname: string; givenNames: string; dateOfBirth: string }): string => `${sortKeyOf(p)}|${p.dateOfBirth}`;

/** Words a person is found by: every name, and the words of the e-mail's local part. */
export function searchTermsOf(p: { givenNames: string; surname: string; email: string | null }): string[] {
  const local = p.email ? p.email.split('@')[0]! : '';
  return [...new Set(searchWords(`${p.givenNames} ${p.surname} ${local}`))];
}

export const toPerson = (row: PersonRow): Person => {
  const { sortKey: _sortKey, createdBy: _createdBy, ...person } = row;
  return person;
};

const INSERT_PERSON = insertAll(people);
const INSERT_TERM = insertAll(personSearchTerms);
const DELETE_TERMS = 'DELETE FROM person_search_terms WHERE person_id = ?';

function writeTerms(sqlite: Database.Database, row: PersonRow): void {
  const insertTerm = statement(sqlite, INSERT_TERM.sql);
  for (const term of searchTermsOf(row)) insertTerm.run(INSERT_TERM.parameters({ term, personId: row.id, sortKey: row.sortKey, archived: row.archivedAt !== null }));
}

/** Rewrites a person's search terms from their stored row (after sync has written the row). */
export function rewriteSearchTerms(sqlite: Database.Database, id: string): void {
  const row = statement(sqlite, 'SELECT id, given_names AS givenNames, surname, email, sort_key AS sortKey, archived_at AS archivedAt FROM people WHERE id = ?').get(id) as
    | (Pick<PersonRow, 'id' | 'givenNames' | 'surname' | 'email' | 'sortKey' | 'archivedAt'>)
    | undefined;
  statement(sqlite, DELETE_TERMS).run(id);
  if (row) writeTerms(sqlite, row as PersonRow);
}

/**
 * Inserts people with their search terms. Prepared statements rather than the query builder: an import of
 * 100,000 people spends most of its time here.
 */
export function insertPeople(sqlite: Database.Database, inputs: ParsedPersonInput[], createdBy: string | null = null): PersonRow[] {
  const insertPerson = statement(sqlite, INSERT_PERSON.sql);
  const stamp = nowIso();
  return inputs.map((input) => {
    const row: PersonRow = { ...input, id: newId(), photoHash: null, sortKey: sortKeyOf(input), createdBy, createdAt: stamp, updatedAt: stamp, archivedAt: null };
    insertPerson.run(INSERT_PERSON.parameters(row));
    writeTerms(sqlite, row);
    return row;
  });
}

/** Changes a person (fields, archive stamp, photo) and rewrites their search terms to match. */
export function updatePersonRow(
  db: Db,
  sqlite: Database.Database,
  id: string,
  changes: Partial<ParsedPersonInput> & { archivedAt?: string | null; photoHash?: string | null },
): PersonRow {
  const current = db.select().from(people).where(eq(people.id, id)).get();
  if (!current) throw notFound('person', id);
  const next = { ...current, ...changes };
  const row = db
    .update(people)
    .set({ ...changes, sortKey: sortKeyOf(next) })
    .where(eq(people.id, id))
    .returning()
    .get()!;
  statement(sqlite, DELETE_TERMS).run(id);
  writeTerms(sqlite, row);
  return row;
}
