/**
 * The longest value each text field of a document may hold, whether OCR read it or a reviewer typed it: room for
 * the longest real names and numbers, not for a pasted page. OCR text past a bound is not a reading of the field.
 */
export const DOCUMENT_TEXT_LIMITS = {
  surname: 100,
  givenNames: 100,
  nationality: 60,
  documentNumber: 30,
  issuingState: 60,
  certificateNumber: 40,
  certificateType: 120,
  stcwReference: 20,
} as const satisfies Record<string, number>;
export type DocumentTextField = keyof typeof DOCUMENT_TEXT_LIMITS;
/** Restrictions of a medical: how many, and how long each may be. */
export const MAX_RESTRICTIONS = 10;
export const MAX_RESTRICTION_LENGTH = 200;
