import type { Person, PersonInput } from '../../../shared/api';

/** The form of a new person: every field of a person's input (the type asks for each one), blank. */
export const BLANK_PERSON: Required<PersonInput> = {
  givenNames: '',
  surname: '',
  dateOfBirth: '',
  nationalities: [],
  languages: [],
  email: '',
  phone: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
  emergencyContactRelation: '',
  noticeDays: null,
};

/** The form of a stored person: each field as stored, blank where nothing is, so saving keeps every field. */
export function personFormValues(person: Person): Required<PersonInput> {
  const fields = Object.keys(BLANK_PERSON) as Array<keyof PersonInput>;
  return Object.fromEntries(fields.map((field) => [field, person[field] ?? BLANK_PERSON[field]])) as Required<PersonInput>;
}
