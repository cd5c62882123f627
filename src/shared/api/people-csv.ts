import { personInputSchema, type ParsedPersonInput } from './people';

export type PersonField = keyof ParsedPersonInput;

export interface PeopleColumn {
  header: string;
  field: PersonField;
  required: boolean;
  /** How a value is written in its cell, where a person needs telling. */
  format: string | null;
}

const FORMATS: Partial<Record<PersonField, string>> = {
  dateOfBirth: 'YYYY-MM-DD',
  nationalities: 'country names or three-letter codes such as GBR, separated by ;',
  languages: 'separated by ;',
  noticeDays: 'whole days',
};

const snakeCase = (field: string): string => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * The columns of a people CSV, in export order: one for each field of a person's input (`personInputSchema`),
 * named as its database column (given_names for givenNames) and required when the field is. The import reads the
 * same headers (any case, spaces or hyphens for underscores), so an export can be edited in a spreadsheet and
 * imported elsewhere. Lists (nationalities, languages) are separated by semicolons inside their cell.
 */
export const PEOPLE_COLUMNS: readonly PeopleColumn[] = (Object.keys(personInputSchema.shape) as PersonField[]).map((field) => ({
  header: snakeCase(field),
  field,
  required: !personInputSchema.shape[field].safeParse(undefined).success,
  format: FORMATS[field] ?? null,
}));

export const LIST_SEPARATOR = ';';

export const normaliseHeader = (header: string): string => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** A column as help text names it: its header, and how its values are written. */
export const describePeopleColumn = (column: PeopleColumn): string => (column.format ? `${column.header} (${column.format})` : column.header);

export function personToCsvRecord(person: ParsedPersonInput): string[] {
  return PEOPLE_COLUMNS.map(({ field }) => {
    const value = person[field];
    if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
    return value === null ? '' : String(value);
  });
}
