import type { ParsedPersonInput } from '../../shared/api';

/**
 * The columns of a people CSV, in export order. The import reads the same headers (any case, spaces or
 * hyphens for underscores), so an export can be edited in a spreadsheet and imported elsewhere.
 * Lists (nationalities, languages) are separated by semicolons inside their cell.
 */
export const PEOPLE_COLUMNS = [
  { header: 'given_names', field: 'givenNames', required: true },
  { header: 'surname', field: 'surname', required: true },
  { header: 'date_of_birth', field: 'dateOfBirth', required: true },
  { header: 'nationalities', field: 'nationalities', required: false },
  { header: 'languages', field: 'languages', required: false },
  { header: 'email', field: 'email', required: false },
  { header: 'phone', field: 'phone', required: false },
  { header: 'emergency_contact_name', field: 'emergencyContactName', required: false },
  { header: 'emergency_contact_phone', field: 'emergencyContactPhone', required: false },
  { header: 'emergency_contact_relation', field: 'emergencyContactRelation', required: false },
] as const satisfies ReadonlyArray<{ header: string; field: keyof ParsedPersonInput; required: boolean }>;

export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];

export const LIST_SEPARATOR = ';';

export const normaliseHeader = (header: string): string => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

export function personToCsvRecord(person: ParsedPersonInput): string[] {
  return PEOPLE_COLUMNS.map(({ field }) => {
    const value = person[field];
    if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
    return value ?? '';
  });
}
