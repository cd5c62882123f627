import type { DocumentType } from '../../shared/api/documents';

/**
 * Document type from the page text and whether an MRZ was found. Medical first: an ENG1 cites STCW (Reg. I/9);
 * seaman's books before passports: some carry an MRZ of their own.
 */
const MEDICAL = /\bENG\s?1\b|SEAFARER\W{0,3}S?\s+MEDICAL|MEDICAL\s+(FITNESS\s+)?CERTIFICATE|FIT\s+FOR\s+(SEA\s+)?DUTY/;
const SEAMANS_BOOK = /SEAMAN\W{0,3}S?\s+BOOK|DISCHARGE\s+BOOK|SEAFARER\W{0,3}S?\s+(RECORD|IDENTITY|DISCHARGE)\s+BOOK|RECORD\s+BOOK/;
const STCW = /\bSTCW\b|CERTIFICATE\s+OF\s+(PROFICIENCY|COMPETENCY)|\bA\s*-?\s*VI\s*\/|YACHTMASTER/;
const PASSPORT = /PASSPORT|PASSEPORT|PASAPORTE|REISEPASS/;

export function detectDocumentType(text: string, mrzDocumentCode: string | null): DocumentType {
  const upper = text.toUpperCase();
  if (MEDICAL.test(upper)) return 'eng1_medical';
  if (SEAMANS_BOOK.test(upper)) return 'seamans_book';
  if (mrzDocumentCode?.startsWith('P')) return 'passport';
  if (STCW.test(upper)) return 'stcw_certificate';
  if (PASSPORT.test(upper)) return 'passport';
  return 'unknown';
}
