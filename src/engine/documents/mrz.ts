import { parse, states } from 'mrz';
import { icaoCheckDigit, isValidCheckDigit } from './check-digit';
import type { OcrLine, OcrSymbol } from './ocr-line';

/** TD3 (passport) geometry, ICAO Doc 9303 Part 4: two lines of 44 characters. */
export const TD3_LENGTH = 44;

/** A change made to what the OCR read, with where it was made (line 0/1, column 0–43). */
export interface MrzCorrection {
  line: number;
  column: number;
  from: string;
  to: string;
  why: 'grid' | 'filler' | 'field_type' | 'disagreement';
}

/** Line-2 ranges covered by a check digit (Doc 9303 Part 4 §4.2.2): a change here can fake a valid document. */
const COVERED_RANGES: Array<[number, number]> = [
  [0, 10],
  [13, 20],
  [21, 44],
];

export function isCheckDigitCovered(line: number, column: number): boolean {
  return line === 1 && COVERED_RANGES.some(([start, end]) => column >= start && column < end);
}

export interface CheckDigitResult {
  id: string;
  label: string;
  value: string;
  digit: string;
  ok: boolean;
}

/** TD3 fields as the MRZ holds them (names with spaces, dates `YYMMDD`). */
export interface Td3Fields {
  documentCode: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  birthDate: string;
  sex: string;
  expiryDate: string;
  personalNumber: string;
}

export interface MrzReading {
  lines: [string, string];
  corrections: MrzCorrection[];
  confidence: number;
  fields: Td3Fields;
  checkDigits: CheckDigitResult[];
  /** The name field is full to its last character: the issuer may have cut the name short. */
  nameTruncated: boolean;
  /** Which of the independent readings line 2 came from (1 = the MRZ pass). */
  pass: number;
  /** The lines as read and snapped to the grid, before any substitution. */
  rawLines: [string, string];
}

const MRZ_CHARS = /^[A-Z0-9<]+$/;
const FULL_TD3_LINE = /^[A-Z0-9<]{44}$/;

function compact(text: string): string {
  return text.toUpperCase().replace(/\s+/g, '').replace(/[«‹≤{[(]/g, '<');
}

/**
 * A line that looks like MRZ: long, almost only MRZ characters. Used to find the band on a page, where the LSTM
 * page pass reads a filler `<` as `K`, `L` or `<K` (docs/documents.md#ocr-fallback-for-the-mrz): a 44-character
 * line can come out 51 long.
 */
export function looksLikeMrzLine(text: string): boolean {
  const line = compact(text);
  if (line.length < 30 || line.length > 60) return false;
  const mrzish = [...line].filter((c) => /[A-Z0-9<]/.test(c)).length;
  return mrzish / line.length >= 0.9 && (line.includes('<') || /[KL]{4,}/.test(line));
}

/**
 * Puts the symbols of one OCR line onto the 44-cell grid. OCR-B is monospaced (10 per inch), so a symbol's cell
 * is its distance from the first symbol over the pitch. Extra symbols in one cell keep the more confident one;
 * an empty cell becomes `<` (a dropped filler) and is recorded as a correction.
 */
export function snapToGrid(line: OcrLine, lineIndex: number, pitch: number): { text: string; corrections: MrzCorrection[] } {
  const symbols = line.symbols.filter((s) => compact(s.text).length > 0);
  const plain = compact(line.text);
  if (plain.length === TD3_LENGTH || symbols.length === 0 || !(pitch > 0)) {
    // Without positions a long line cannot be placed: cutting characters off would be an unrecorded change.
    if (plain.length > TD3_LENGTH) throw new MrzFormatError(`MRZ line ${lineIndex + 1} has ${plain.length} characters, not ${TD3_LENGTH}`);
    return { text: plain.padEnd(TD3_LENGTH, '<'), corrections: gridPadding(plain, lineIndex) };
  }
  const origin = center(symbols[0]!);
  const cells: Array<OcrSymbol | undefined> = new Array(TD3_LENGTH);
  const contested = new Set<number>();
  for (const symbol of symbols) {
    const cell = Math.round((center(symbol) - origin) / pitch);
    if (cell < 0 || cell >= TD3_LENGTH) continue;
    const taken = cells[cell];
    if (taken && isDigit(compact(taken.text)[0]!) !== isDigit(compact(symbol.text)[0]!)) contested.add(cell);
    if (!taken || taken.confidence < symbol.confidence) cells[cell] = symbol;
  }
  const corrections: MrzCorrection[] = [];
  // Two symbols in one cell, a letter and a digit: keeping the more confident one is a choice, recorded as such.
  for (const cell of contested) corrections.push({ line: lineIndex, column: cell, from: '?', to: compact(cells[cell]!.text)[0]!, why: 'disagreement' });
  let text = '';
  for (let cell = 0; cell < TD3_LENGTH; cell += 1) {
    const symbol = cells[cell];
    if (symbol) text += compact(symbol.text)[0];
    else {
      text += '<';
      corrections.push({ line: lineIndex, column: cell, from: '', to: '<', why: 'grid' });
    }
  }
  return { text, corrections };
}

function gridPadding(plain: string, lineIndex: number): MrzCorrection[] {
  const corrections: MrzCorrection[] = [];
  for (let column = plain.length; column < TD3_LENGTH; column += 1) corrections.push({ line: lineIndex, column, from: '', to: '<', why: 'grid' });
  return corrections;
}

function center(symbol: OcrSymbol): number {
  return (symbol.x0 + symbol.x1) / 2;
}

/** Pitch of the grid: the median distance between neighbouring symbols of the longest lines. */
export function gridPitch(lines: OcrLine[]): number {
  const gaps: number[] = [];
  for (const line of lines) {
    const symbols = line.symbols.filter((s) => compact(s.text).length > 0);
    for (let i = 1; i < symbols.length; i += 1) gaps.push(center(symbols[i]!) - center(symbols[i - 1]!));
  }
  gaps.sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)]! : 0;
}

/**
 * The filler `<` misread in the name field's tail (runs of `K`, `L`, `C`…; docs/documents.md#safety-rule): after
 * the last name, a run of filler look-alikes to the end of line 1 is fillers. Names are not check-digit covered.
 */
function repairNameTail(line1: string): { text: string; corrections: MrzCorrection[] } {
  const match = /<([<KLCSE]{3,})$/.exec(line1);
  if (!match) return { text: line1, corrections: [] };
  const start = match.index + 1;
  const tail = match[1]!;
  // A real name part is never all filler look-alikes followed by nothing; keep tails that are letters only (e.g. `<LEE`).
  if (!tail.includes('<') && tail.length < 6) return { text: line1, corrections: [] };
  const corrections: MrzCorrection[] = [];
  for (let i = 0; i < tail.length; i += 1) {
    if (tail[i] !== '<') corrections.push({ line: 0, column: start + i, from: tail[i]!, to: '<', why: 'filler' });
  }
  return { text: line1.slice(0, start) + '<'.repeat(tail.length), corrections };
}

/** Picks the two TD3 lines out of what the MRZ pass read: the last two MRZ-looking lines, the second starting a number. */
export function pickTd3Lines<Line extends OcrLine>(lines: Line[]): [Line, Line] | null {
  // Exactly two full lines (the OCR-B reader's): taken as they are, since a line 2 whose optional fields are all
  // used holds no filler `<` for `looksLikeMrzLine` to go by.
  if (lines.length === 2 && lines.every((line) => FULL_TD3_LINE.test(line.text))) return [lines[0]!, lines[1]!];
  const candidates = lines.filter((line) => looksLikeMrzLine(line.text));
  for (let i = candidates.length - 2; i >= 0; i -= 1) {
    const first = compact(candidates[i]!.text);
    if (first.startsWith('P')) return [candidates[i]!, candidates[i + 1]!];
  }
  return candidates.length >= 2 ? [candidates[candidates.length - 2]!, candidates[candidates.length - 1]!] : null;
}

export class MrzFormatError extends Error {}

/**
 * Reads a TD3 MRZ from OCR lines: snap to the grid, repair filler look-alikes in the name tail, then the `mrz`
 * package's field-type correction (letters↔digits). Every change is kept as a correction; the caller sends a
 * document whose check-digit-covered characters were changed to review: a correction can "repair" a tampered
 * MRZ into a valid one (docs/documents.md#safety-rule).
 */
/** Whether a reading stands on its own: every check digit right and no character of a covered field changed. */
export function isCleanReading(reading: MrzReading): boolean {
  return reading.checkDigits.every((d) => d.ok) && !reading.corrections.some((c) => isCheckDigitCovered(c.line, c.column));
}

/**
 * The MRZ from several independent readings (the MRZ pass at two scales): line 1 from the
 * first, line 2 from the first reading that is clean on its own, else the first.
 *
 * Safety (docs/documents.md#safety-rule): picking the reading that validates is itself a check-digit-guided choice.
 * A forged MRZ with `B` in a date is read `B` by one pass and `8` by another; taking the `8` would verify it. So
 * wherever another reading saw a letter where the chosen one sees a digit (or the reverse) in a
 * check-digit-covered cell, that cell counts as corrected and the document goes to review. Other disagreements (a filler read as `K`, a lost
 * character) cannot make a check pass by type confusion and do not block.
 */
export function readTd3Best(readings: OcrLine[][]): MrzReading {
  const pairs = readings.map(pickTd3Lines).filter((pair): pair is [OcrLine, OcrLine] => pair !== null);
  if (pairs.length === 0) throw new MrzFormatError('No machine-readable zone of two 44-character lines was found');
  const line1 = pairs[0]![0];
  const parsed: MrzReading[] = [];
  for (const [index, pair] of pairs.entries()) {
    try {
      parsed.push({ ...readTd3Pair([line1, pair[1]]), pass: index + 1 });
    } catch (error) {
      if (!(error instanceof MrzFormatError)) throw error;
    }
  }
  const chosen = parsed.find(isCleanReading) ?? parsed[0];
  if (!chosen) throw new MrzFormatError('The machine-readable zone holds characters outside A–Z, 0–9 and <');
  for (const other of parsed) {
    if (other === chosen || other.corrections.some((c) => c.line === 1 && c.why === 'grid')) continue;
    for (let column = 0; column < TD3_LENGTH; column += 1) {
      const mine = chosen.lines[1][column]!;
      const theirs = other.rawLines[1][column]!;
      if (isCheckDigitCovered(1, column) && isDigit(mine) !== isDigit(theirs) && mine !== '<' && theirs !== '<') {
        if (!chosen.corrections.some((c) => c.line === 1 && c.column === column)) chosen.corrections.push({ line: 1, column, from: theirs, to: mine, why: 'disagreement' });
      }
    }
  }
  return chosen;
}

const isDigit = (char: string) => char >= '0' && char <= '9';

function readTd3Pair(picked: [OcrLine, OcrLine]): MrzReading {
  const pitch = gridPitch(picked);
  const snapped = picked.map((line, i) => snapToGrid(line, i, pitch));
  const nameTail = repairNameTail(snapped[0]!.text);
  const raw: [string, string] = [nameTail.text, snapped[1]!.text];
  if (!raw.every((l) => MRZ_CHARS.test(l))) throw new MrzFormatError('The machine-readable zone holds characters outside A–Z, 0–9 and <');

  const parsed = parse(raw, { autocorrect: true });
  const corrections: MrzCorrection[] = [...snapped.flatMap((s) => s.corrections), ...nameTail.corrections];
  const lines: [string, string] = [raw[0], raw[1]];
  for (const detail of parsed.details) {
    for (const fix of detail.autocorrect) {
      if (corrections.some((c) => c.line === fix.line && c.column === fix.column && c.why === 'field_type')) continue;
      corrections.push({ line: fix.line, column: fix.column, from: fix.original, to: fix.corrected, why: 'field_type' });
      const line = lines[fix.line as 0 | 1];
      lines[fix.line as 0 | 1] = line.slice(0, fix.column) + fix.corrected + line.slice(fix.column + 1);
    }
  }

  const [l1, l2] = lines;
  const names = l1.slice(5).split('<<');
  const fields = {
    documentCode: l1.slice(0, 2).replace(/<+$/, ''),
    issuingState: l1.slice(2, 5).replace(/<+$/, ''),
    surname: (names[0] ?? '').replace(/<+/g, ' ').trim(),
    givenNames: names.slice(1).join(' ').replace(/<+/g, ' ').trim(),
    documentNumber: l2.slice(0, 9).replace(/<+$/, ''),
    nationality: l2.slice(10, 13).replace(/<+$/, ''),
    birthDate: l2.slice(13, 19),
    sex: l2.slice(20, 21),
    expiryDate: l2.slice(21, 27),
    personalNumber: l2.slice(28, 42).replace(/<+$/, ''),
  };
  const digit = (id: string, label: string, value: string, at: number): CheckDigitResult => ({
    id,
    label,
    value,
    digit: l2[at]!,
    ok: isValidCheckDigit(value, l2[at]!),
  });
  const checkDigits = [
    digit('mrz_document_number', 'document number', l2.slice(0, 9), 9),
    digit('mrz_birth_date', 'date of birth', l2.slice(13, 19), 19),
    digit('mrz_expiry_date', 'date of expiry', l2.slice(21, 27), 27),
    digit('mrz_personal_number', 'personal number', l2.slice(28, 42), 42),
    digit('mrz_composite', 'composite (line 2)', l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43), 43),
  ];
  // An empty optional field may carry `<` as its check digit (Doc 9303 Part 4 §4.2.2.2, note j).
  const personal = checkDigits[3]!;
  if (/^<+$/.test(personal.value) && personal.digit === '<') personal.ok = true;

  const symbols = picked.flatMap((line) => line.symbols);
  const confidence = symbols.length ? symbols.reduce((sum, s) => sum + s.confidence, 0) / symbols.length : Math.min(...picked.map((l) => l.confidence));
  return { lines, corrections, confidence, fields, checkDigits, nameTruncated: /[A-Z]$/.test(l1), pass: 1, rawLines: raw };
}

/** ICAO/ISO 3166 three-letter codes (with Doc 9303's D, GBD, EUE, XXA…) from the `mrz` package's table. */
export function stateName(code: string): string | null {
  return (states as Record<string, string>)[code.replace(/<+$/, '')] ?? null;
}

/** The fictitious state of ICAO's specimen documents, rejected as a sample (docs/documents.md#verification-rules). */
export const SPECIMEN_STATE = 'UTO';

/** Builds a TD3 MRZ from fields, computing every check digit; the fixture generator and tests use it. */
export function composeTd3(
  input: Omit<Td3Fields, 'documentCode' | 'personalNumber' | 'sex'> & { documentCode?: string; personalNumber?: string; sex: 'M' | 'F' | '<' },
): [string, string] {
  const pad = (value: string, length: number) => value.padEnd(length, '<').slice(0, length);
  const name = `${input.surname}<<${input.givenNames}`;
  const line1 = pad(`${pad(input.documentCode ?? 'P', 2)}${pad(input.issuingState, 3)}${name}`, TD3_LENGTH);
  const documentNumber = pad(input.documentNumber, 9);
  const personal = pad(input.personalNumber ?? '', 14);
  const personalDigit = /^<+$/.test(personal) ? '<' : String(icaoCheckDigit(personal));
  const head = `${documentNumber}${icaoCheckDigit(documentNumber)}`;
  const birth = `${input.birthDate}${icaoCheckDigit(input.birthDate)}`;
  const expiry = `${input.expiryDate}${icaoCheckDigit(input.expiryDate)}`;
  const composite = icaoCheckDigit(head + birth + expiry + personal + personalDigit);
  const line2 = `${head}${pad(input.nationality, 3)}${birth}${input.sex}${expiry}${personal}${personalDigit}${composite}`;
  return [line1, line2];
}
