import { eq, inArray } from 'drizzle-orm';
import type { ParsedPersonInput, Person } from '../../shared/api';
import { foldText, searchWords } from '../../shared/domain/text';
import { AppError } from '../api/errors';
import type { Db } from '../db/database';
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
  const { sortKey: _sortKey, ...person } = row;
  return person;
};

/** Columns per insert statement, kept well below SQLite's 32766 bound variables. */
const INSERT_BATCH = 200;

export function insertPeople(db: Db, inputs: ParsedPersonInput[]): PersonRow[] {
  const inserted: PersonRow[] = [];
  for (let i = 0; i < inputs.length; i += INSERT_BATCH) {
    const batch = inputs.slice(i, i + INSERT_BATCH).map((input) => ({ ...input, sortKey: sortKeyOf(input) }));
    const rows = db.insert(people).values(batch).returning().all();
    const terms = rows.flatMap((row) => searchTermsOf(row).map((term) => ({ term, personId: row.id })));
    for (let j = 0; j < terms.length; j += INSERT_BATCH * 2) db.insert(personSearchTerms).values(terms.slice(j, j + INSERT_BATCH * 2)).run();
    inserted.push(...rows);
  }
  return inserted;
}

export function updatePersonRow(db: Db, id: string, changes: Partial<ParsedPersonInput> & { archivedAt?: string | null; photoHash?: string | null }): PersonRow {
  const row = db
    .update(people)
    .set({ ...changes, ...(changes.surname !== undefined && changes.givenNames !== undefined ? { sortKey: sortKeyOf(changes as ParsedPersonInput) } : {}) })
    .where(eq(people.id, id))
    .returning()
    .get();
  if (!row) throw new AppError('NOT_FOUND', `Person ${id} does not exist`);
  if (changes.givenNames !== undefined || changes.surname !== undefined || changes.email !== undefined) {
    db.delete(personSearchTerms).where(eq(personSearchTerms.personId, id)).run();
    const terms = searchTermsOf(row).map((term) => ({ term, personId: id }));
    if (terms.length > 0) db.insert(personSearchTerms).values(terms).run();
  }
  return row;
}

export function findPeopleByIds(db: Db, ids: string[]): PersonRow[] {
  return ids.length === 0 ? [] : db.select().from(people).where(inArray(people.id, ids)).all();
}
