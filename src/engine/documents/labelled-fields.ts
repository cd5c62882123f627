import type { DocumentFields } from '../../shared/api/documents';
import { DOCUMENT_TEXT_LIMITS, MAX_RESTRICTION_LENGTH, MAX_RESTRICTIONS, type DocumentTextField } from '../../shared/domain/document-limits';
import { identifyCertificate, normaliseStcwReference, type CertificateRules } from './certificate-rules';
import { findPrintedDate } from './dates';
import { combineFitness, readFitnessStatement, readLookout, readRestrictions, resolveTickBoxes, type FitnessReading } from './fitness';
import { stateName } from './mrz';

/**
 * Labelled fields of certificates and seaman's books: `Label: value` or `Label   value` lines, as PSM 6 reads a
 * two-column form. Labels are matched at the start of a line, OCR-tolerantly (case, punctuation, `No`/`No.`).
 */
type LabelKey =
  | 'certificateNumber'
  | 'documentNumber'
  | 'holder'
  | 'surname'
  | 'givenNames'
  | 'dateOfBirth'
  | 'nationality'
  | 'dateOfIssue'
  | 'expiryDate'
  | 'fitness'
  | 'fitnessQuestion'
  | 'restrictions'
  | 'lookout'
  | 'issuingState';

const LABELS: Array<[LabelKey, RegExp]> = [
  ['certificateNumber', /^(?:certificate|cert\.?)\s*(?:no\.?|number|n[o°º]\.?)/i],
  ['documentNumber', /^(?:book|document|discharge\s+book|seaman'?s?\s+book)\s*(?:no\.?|number)/i],
  ['holder', /^(?:name\s+of\s+(?:the\s+)?holder|holder'?s?\s+name|full\s+name|name)\b/i],
  ['surname', /^(?:surname|family\s+name|last\s+name)\b/i],
  ['givenNames', /^(?:given\s+names?|forenames?|first\s+names?)\b/i],
  ['dateOfBirth', /^(?:date\s+of\s+birth|birth\s+date|d\.?o\.?b\.?|born)\b/i],
  ['nationality', /^nationality\b/i],
  ['dateOfIssue', /^(?:date\s+of\s+(?:issue|examination)|issue\s+date|issued(?:\s+on)?|examined\s+on)\b/i],
  ['expiryDate', /^(?:date\s+of\s+expiry|expiry\s+date|expiry|expires(?:\s+on)?|valid\s+until|valid\s+to)\b/i],
  ['lookout', /^(?:fit\s+for\s+)?look-?\s?out(?:\s+duties)?\b/i],
  // "Fit for sea service: YES" asks a question; "Fitness: FIT FOR SEA SERVICE - NO RESTRICTIONS" states the answer.
  ['fitnessQuestion', /^fit\s+for\s+(?:sea\s+)?(?:duty|duties|service)\b/i],
  ['fitness', /^(?:(?:medical\s+)?fitness(?:\s+(?:for\s+(?:sea\s+)?(?:duty|service)|status|category|statement))?|result(?=\s*[:\-–]|\s{2,})|result\s+of\s+(?:the\s+)?(?:medical\s+)?(?:examination|assessment))\b/i],
  ['restrictions', /^(?:restrictions?|limitations?)(?:\s+on\s+fitness)?\b/i],
  ['issuingState', /^(?:issuing\s+(?:state|country|authority)|flag\s+state|country\s+of\s+issue)\b/i],
];

const DATE_KEYS = new Set<LabelKey>(['dateOfBirth', 'dateOfIssue', 'expiryDate']);
/** Statements about fitness: every one printed counts (a second "Restrictions" line adds to the first). */
const STATEMENT_KEYS = new Set<LabelKey>(['fitness', 'fitnessQuestion', 'restrictions', 'lookout']);

/** The value of each label found: the first for a field, every one for a statement about fitness. */
export function readLabelledLines(text: string): Map<LabelKey, string[]> {
  const found = new Map<LabelKey, string[]>();
  const keep = (key: LabelKey, value: string): boolean => {
    // A date label whose value holds no date is prose (`Issued under MLC 2006…`): keep looking.
    if (!value || (found.has(key) && !STATEMENT_KEYS.has(key)) || (DATE_KEYS.has(key) && findPrintedDate(value) === null)) return false;
    found.set(key, [...(found.get(key) ?? []), value]);
    return true;
  };
  const lines = resolveTickBoxes(text).split('\n').map((line) => line.trim()).filter(Boolean);
  for (const [index, rawLine] of lines.entries()) {
    const stacked = bareLabels(rawLine);
    if (stacked) {
      // Labels above their values, in columns (a passport's visual zone: `Date of issue   Date of expiry`).
      const next = lines[index + 1] ?? '';
      const values = next.split(COLUMN_GAP);
      if (values.length === stacked.length && !bareLabels(next)) stacked.forEach((key, column) => key && keep(key, values[column]!.trim()));
      continue;
    }
    const line = rawLine.replace(/^[^A-Za-z]+/, '');
    for (const [key, label] of LABELS) {
      const match = label.exec(line);
      if (!match) continue;
      const value = line
        .slice(match[0].length)
        .replace(/^\s*(?:\/[^:]*)?[^\p{L}\p{N}]*/u, '')
        // A lone character a column's width after the value is a speck read as a letter, not part of it.
        .replace(/\s{3,}\S$/u, '')
        .trim();
      if (keep(key, value)) break;
    }
  }
  return found;
}

/** Columns of a form line as the page pass keeps them (`preserve_interword_spaces`): two spaces or more apart. */
const COLUMN_GAP = /\s{2,}/;

/**
 * The labels of a line that holds only labels, one per column (null for anything else): `Nationality   Sex`
 * gives [nationality, null]. A column holding digits is a value, so the line is not a label line.
 */
function bareLabels(line: string): Array<LabelKey | null> | null {
  const columns = line.split(COLUMN_GAP);
  if (columns.some((column) => /\d/.test(column))) return null;
  const keys = columns.map((column) => {
    const bare = column.replace(/[^\p{L}\p{N}.)]+$/u, '');
    return LABELS.find(([, label]) => label.exec(bare)?.[0].length === bare.length)?.[0] ?? null;
  });
  const known = columns.every((column, i) => keys[i] !== null || OTHER_LABELS.test(column.replace(/[^\p{L}\p{N}.)]+$/u, '')));
  return known && keys.some((key) => key !== null) ? keys : null;
}

/** Labels of a passport's visual zone that are not read as fields (the MRZ holds them), to place the columns. */
const OTHER_LABELS = /^(?:sex|type|code|authority|place\s+of\s+birth|height|passport\s+no\.?|personal\s+no\.?)$/i;

/** `ÖZTÜRK, Mehmet Ali` or `Mehmet Ali ÖZTÜRK` (surname in capitals) into its parts. */
export function splitHolderName(holder: string): { surname: string; givenNames: string } {
  const cleaned = holder.replace(/\s+/g, ' ').trim();
  const comma = cleaned.indexOf(',');
  if (comma > 0) return { surname: cleaned.slice(0, comma).trim(), givenNames: cleaned.slice(comma + 1).trim() };
  const words = cleaned.split(' ');
  const isCaps = (word: string) => word.length > 1 && word === word.toUpperCase() && /\p{L}/u.test(word);
  const capsFrom = words.findIndex(isCaps);
  if (capsFrom > 0 && words.slice(capsFrom).every(isCaps) && !words.slice(0, capsFrom).some(isCaps)) {
    return { surname: words.slice(capsFrom).join(' '), givenNames: words.slice(0, capsFrom).join(' ') };
  }
  return { surname: words.at(-1) ?? '', givenNames: words.slice(0, -1).join(' ') };
}

/**
 * Fitness and restrictions from every statement printed (src/engine/documents/fitness.ts): the fitness lines,
 * the "Restrictions" lines and the lookout line. A restriction anywhere makes a "fit" reading "fit with restrictions".
 */
function readMedicalFitness(lines: Map<LabelKey, string[]>): { fitness: DocumentFields['fitness']; restrictions: string[] } | null {
  const statements: FitnessReading[] = [
    ...(lines.get('fitness') ?? []).map((value) => readFitnessStatement(value)),
    ...(lines.get('fitnessQuestion') ?? []).map((value) => readFitnessStatement(value, { question: true })),
  ];
  const listed = (lines.get('restrictions') ?? []).flatMap(readRestrictions);
  const lookout = (lines.get('lookout') ?? []).flatMap(readLookout);
  if (statements.length === 0 && !lines.has('restrictions') && !lines.has('lookout')) return null;
  const statement = statements.length > 0 ? combineFitness(statements) : { fitness: undefined, restrictions: [] };
  const restrictions = [...new Set([...statement.restrictions, ...listed])];
  // The lookout line and a written restriction usually say the same thing; keep the written one.
  if (!restrictions.some((r) => /look-?\s?out/i.test(r))) restrictions.push(...lookout);
  const fitness = statement.fitness === 'fit' && restrictions.length > 0 ? 'fit_with_restrictions' : statement.fitness;
  return { fitness, restrictions: boundedRestrictions(restrictions) };
}

/** Never drop a restriction for its length: a long one is cut with an ellipsis, many are summed up in the last. */
function boundedRestrictions(restrictions: string[]): string[] {
  const cut = restrictions.map((r) => (r.length > MAX_RESTRICTION_LENGTH ? `${r.slice(0, MAX_RESTRICTION_LENGTH - 1)}…` : r));
  if (cut.length <= MAX_RESTRICTIONS) return cut;
  return [...cut.slice(0, MAX_RESTRICTIONS - 1), `${cut.length - MAX_RESTRICTIONS + 1} more restrictions: see the scan`];
}

/** A text field as read, or nothing when it is longer than such a field can be (a misread line, not a value). */
function bounded(field: DocumentTextField, value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= DOCUMENT_TEXT_LIMITS[field] ? trimmed : undefined;
}

/** Nationalities are codes in an MRZ and words on certificates: keep a code when it is one, the words otherwise. */
function normaliseNationality(value: string): string {
  const upper = value.toUpperCase().replace(/[^A-Z< ]/g, '').trim();
  if (/^[A-Z]{3}$/.test(upper) && stateName(upper)) return upper;
  return value.trim();
}

export interface CertificateExtraction {
  fields: DocumentFields;
  certificateKind: ReturnType<typeof identifyCertificate>;
}

/** Fields of a labelled document (certificate, medical, seaman's book), dates as ISO. */
export function extractLabelledFields(text: string, rules: CertificateRules): CertificateExtraction {
  const lines = readLabelledLines(text);
  const first = (key: LabelKey) => lines.get(key)?.[0];
  const fields: DocumentFields = {};
  const set = <K extends DocumentTextField>(field: K, value: string | undefined) => {
    const kept = bounded(field, value);
    if (kept) fields[field] = kept;
  };
  const holder = first('holder');
  const named = holder ? splitHolderName(holder) : null;
  set('surname', first('surname') ?? named?.surname);
  set('givenNames', first('givenNames') ?? named?.givenNames);
  const date = (key: LabelKey) => {
    const value = first(key);
    return value ? (findPrintedDate(value) ?? undefined) : undefined;
  };
  const dateOfBirth = date('dateOfBirth');
  if (dateOfBirth) fields.dateOfBirth = dateOfBirth;
  const dateOfIssue = date('dateOfIssue');
  if (dateOfIssue) fields.dateOfIssue = dateOfIssue;
  const expiryDate = date('expiryDate');
  if (expiryDate) fields.expiryDate = expiryDate;
  const nationality = first('nationality');
  if (nationality) set('nationality', normaliseNationality(nationality));
  const issuingState = first('issuingState');
  if (issuingState) set('issuingState', normaliseNationality(issuingState));
  set('certificateNumber', first('certificateNumber')?.split(/\s{2,}/)[0]);
  set('documentNumber', first('documentNumber')?.split(/\s{2,}/)[0]);

  const certificateKind = identifyCertificate(text, rules);
  if (certificateKind) {
    fields.certificateType = certificateKind.name;
    if (certificateKind.stcwReference) fields.stcwReference = certificateKind.stcwReference;
  }
  const printedReference = normaliseStcwReference(text);
  if (printedReference && !fields.stcwReference) fields.stcwReference = printedReference;

  const medical = readMedicalFitness(lines);
  if (medical) {
    if (medical.fitness) fields.fitness = medical.fitness;
    fields.restrictions = medical.restrictions;
  }
  return { fields, certificateKind };
}
