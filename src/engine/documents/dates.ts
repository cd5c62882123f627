import { addYears, differenceInCalendarDays, format, isValid, parse, parseISO } from 'date-fns';

/**
 * Printed dates on passports and certificates, day first as ICAO and the MCA print them (`14 JUN 2030`,
 * `14/06/2030`, `14.06.2030`, `2030-06-14`, `14 June 2030`, `June 14, 2030`). Month names are matched in
 * English; bilingual documents print `JUN/JUIN`, of which the first half is taken.
 */
const FORMATS = [
  'yyyy-MM-dd',
  'dd MMM yyyy',
  'd MMM yyyy',
  'dd MMMM yyyy',
  'd MMMM yyyy',
  'MMMM d yyyy',
  'MMM d yyyy',
  'dd/MM/yyyy',
  'd/M/yyyy',
  'dd.MM.yyyy',
  'd.M.yyyy',
  'dd-MM-yyyy',
  'dd-MMM-yyyy',
  'dd/MM/yy',
  'dd.MM.yy',
] as const;

const REFERENCE = new Date(2000, 0, 1);

/** Normalises OCR noise around a date: stray punctuation, bilingual month pairs, `O` for `0` in numeric runs. */
function tidy(text: string): string {
  return text
    .trim()
    .replace(/(\p{L}{3,})\s*\/\s*\p{L}{3,}/gu, '$1')
    .replace(/,/g, ' ')
    .replace(/(?<=\d)[Oo](?=\d|\b)|(?<=\b)[Oo](?=\d)/g, '0')
    .replace(/\s*([/.-])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/\b(\p{L})(\p{L}+)\b/gu, (_, first: string, rest: string) => first.toUpperCase() + rest.toLowerCase());
}

/** ISO `YYYY-MM-DD`, or null when the text is not one real calendar date. */
export function parsePrintedDate(text: string): string | null {
  const candidate = tidy(text);
  if (!candidate) return null;
  for (const pattern of FORMATS) {
    const date = parse(candidate, pattern, REFERENCE);
    if (isValid(date) && date.getFullYear() >= 1900 && date.getFullYear() <= 2199) return format(date, 'yyyy-MM-dd');
  }
  return null;
}

/** Finds the first printed date inside a longer text (`Valid until: 14 JUN 2030 (inclusive)`). */
export function findPrintedDate(text: string): string | null {
  const patterns = [
    /\b\d{4}-\d{2}-\d{2}\b/,
    /\b\d{1,2}[ -](?:\p{L}{3,9})(?:\s*\/\s*\p{L}{3,9})?[ -]\d{4}\b/u,
    /\b\p{L}{3,9} \d{1,2},? \d{4}\b/u,
    /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) {
      const iso = parsePrintedDate(match[0]);
      if (iso) return iso;
    }
  }
  return null;
}

/**
 * An MRZ `YYMMDD` to ISO. Birth dates are never in the future of `asOf` (pivot on its year); expiry dates lie
 * within 50 years either side of `asOf`. Null when the digits are not a calendar date.
 */
export function mrzDateToIso(yymmdd: string, kind: 'birth' | 'expiry', asOf: string): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const asOfYear = Number(asOf.slice(0, 4));
  const century = Math.floor(asOfYear / 100) * 100;
  let year = century + yy;
  if (kind === 'birth' && year > asOfYear) year -= 100;
  if (kind === 'expiry' && year > asOfYear + 50) year -= 100;
  if (kind === 'expiry' && year < asOfYear - 50) year += 100;
  const iso = `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return isIsoDate(iso) ? iso : null;
}

export function isIsoDate(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isValid(parseISO(iso)) && format(parseISO(iso), 'yyyy-MM-dd') === iso;
}

export function addYearsIso(iso: string, years: number): string {
  return format(addYears(parseISO(iso), years), 'yyyy-MM-dd');
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export { ageOn } from '../../shared/domain/dates';
