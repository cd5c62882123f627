import type Database from 'better-sqlite3';

const FIELD_WORDS: Record<string, string> = {
  email: 'e-mail',
  date_of_birth: 'date of birth',
  photo_hash: 'photo',
  archived_at: 'archived',
  expires_on: 'expiry date',
  fields: 'certificate details',
  decided_by: 'decided by',
  decided_at: 'decision date',
};

const fieldWords = (column: string): string => FIELD_WORDS[column] ?? column.replaceAll('_', ' ');

/** Whose record and which field a conflict is about, as a crew manager names them. */
export function conflictLabel(sqlite: Database.Database, table: string, rowId: string, column: string): string {
  if (table === 'people') {
    const person = sqlite.prepare('SELECT given_names AS g, surname AS s FROM people WHERE id = ?').get(rowId) as { g: string; s: string } | undefined;
    return `${person ? `${person.g} ${person.s}` : 'A person'} — ${fieldWords(column)}`;
  }
  if (table === 'documents') {
    const doc = sqlite.prepare('SELECT d.kind AS kind, p.given_names AS g, p.surname AS s FROM documents d LEFT JOIN people p ON p.id = d.person_id WHERE d.id = ?').get(rowId) as
      | { kind: string; g: string | null; s: string | null }
      | undefined;
    const owner = doc?.g ? `${doc.g} ${doc.s}’s ` : '';
    return `${owner}${doc ? doc.kind.replaceAll('_', ' ') : 'document'} — ${fieldWords(column)}`;
  }
  return `${table.replaceAll('_', ' ')} — ${fieldWords(column)}`;
}
