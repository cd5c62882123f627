/**
 * The MRZ glyph check (issue 4 safety target): where the OCR-B template of another character matches a cell
 * clearly better than the template of the character read, the reading of that cell is doubtful and the document
 * is not verified. Safety only: it never changes a character, so it can only turn `verified` into `review`.
 */
import { inkHeight, normaliseGlyph, scoreGlyph, type GreyImage } from './glyphs';
import { gridPitch, pickTd3Lines, TD3_LENGTH } from './mrz';
import type { OcrLine } from './ocr-line';
import type { RuleOutcome } from './rules';

/**
 * Cells whose misreading could fake a valid document (line index 0/1, column 0–43): the issuing state
 * (line 1, 3–5), and on line 2 the document number and every check digit, the nationality, and both dates
 * (ICAO 9303 Part 4 §4.2.2). The name and the personal number are left out: OCR-B letters in names are what the
 * generic model reads best, and misreads there cannot pass a date or number check.
 */
export const GLYPH_CHECKED_CELLS: ReadonlyArray<readonly [line: number, column: number]> = [
  ...[2, 3, 4].map((column) => [0, column] as const),
  ...Array.from({ length: 28 }, (_, column) => [1, column] as const).filter(([, column]) => column !== 20),
  [1, 42],
  [1, 43],
];

/** Digits only (Doc 9303 Part 3 §4.9, Part 4 §4.2.2): the dates and the check digits. A letter here is malformed. */
export function isDigitOnlyCell(line: number, column: number): boolean {
  return line === 1 && ((column >= 13 && column <= 19) || (column >= 21 && column <= 27) || column === 9 || column === 43);
}

/** One compared cell: what OCR read, the best-matching other template, and by how much it beats the read one. */
export interface GlyphComparison {
  line: number;
  column: number;
  read: string;
  seen: string;
  /** Template correlation of `seen` minus that of `read` (-2…2); positive when `seen` matches better. */
  margin: number;
}

/**
 * How much better another template must match before the reading is doubted. On the tuning corpus's passports
 * a genuine `0` comes at most 0.16 nearer `O` than `0` (skewed and noisy captures); on the held-out corpus the
 * printed look-alikes the OCR missed beat the character read by 0.23–0.30 (`O` for `0` in a date; `3` read `S`
 * and `W` read `H` in a document number). The figures: docs/documents.md#ocr-fallback-for-the-mrz.
 */
export const GLYPH_MARGIN = 0.2;

/** Cells named in the message; a badly photographed MRZ can doubt dozens. */
const MAX_LISTED = 6;

/** The outcome of the glyph check: review for a doubtful cell, a format failure for a letter in a digit field. */
export function checkMrzGlyphs(comparisons: GlyphComparison[], minMargin = GLYPH_MARGIN): RuleOutcome {
  const doubtful = comparisons.filter((c) => c.margin > minMargin);
  if (doubtful.length === 0) {
    return { check: { id: 'mrz_glyphs', ok: true, message: `${comparisons.length} MRZ characters match their OCR-B shapes` } };
  }
  const listed = doubtful.slice(0, MAX_LISTED).map((c) => `line ${c.line + 1} col ${c.column + 1}: read ${c.read}, looks like ${c.seen} (+${c.margin.toFixed(2)})`);
  const where = listed.join(', ') + (doubtful.length > MAX_LISTED ? ` and ${doubtful.length - MAX_LISTED} more` : '');
  const malformed = doubtful.some((c) => isDigitOnlyCell(c.line, c.column) && !/[0-9]/.test(c.seen) && c.seen !== '<');
  return {
    check: { id: 'mrz_glyphs', ok: false, message: `Printed MRZ characters do not look like what was read (${where}); a person must compare them` },
    reason: malformed ? 'mrz_format' : 'low_confidence',
    severity: 'review',
  };
}

/**
 * Centres of the 44 cells of an MRZ line in the image OCR read. A least-squares line through the symbol centres
 * against their grid cells (snapped as `snapToGrid` does, from the first symbol at `pitch`) places every cell;
 * where OCR put a symbol in a cell, its own centre is used instead, since on a photographed page perspective
 * bends the pitch along the line and the fitted line drifts by a good part of a cell.
 */
export function gridCentres(line: OcrLine, pitch: number): number[] {
  const symbols = line.symbols.filter((s) => s.text.trim().length > 0);
  if (symbols.length === 0 || !(pitch > 0)) return [];
  const centre = (s: { x0: number; x1: number }) => (s.x0 + s.x1) / 2;
  const origin = centre(symbols[0]!);
  const points = symbols.map((s) => [Math.round((centre(s) - origin) / pitch), centre(s)] as const).filter(([cell]) => cell >= 0 && cell < TD3_LENGTH);
  const n = points.length;
  const meanCell = points.reduce((sum, [cell]) => sum + cell, 0) / n;
  const meanX = points.reduce((sum, [, x]) => sum + x, 0) / n;
  const spread = points.reduce((sum, [cell]) => sum + (cell - meanCell) ** 2, 0);
  const slope = spread > 0 ? points.reduce((sum, [cell, x]) => sum + (cell - meanCell) * (x - meanX), 0) / spread : pitch;
  const centres = Array.from({ length: TD3_LENGTH }, (_, cell) => meanX + (cell - meanCell) * slope);
  for (const [cell, x] of points) centres[cell] = x;
  return centres;
}

/**
 * One reading of the MRZ pass with the band it read, as grey pixels (line boxes and symbol positions are in that
 * image). Glyphs are cut from that same image: tried on the unscaled band instead of the 0.7× one, noise moved
 * genuine `0`s nearer to `O` (margins up to 0.26 against 0.15), closer to the printed look-alikes (0.23–0.32).
 */
export interface GlyphSource {
  band: GreyImage;
  lines: Array<OcrLine & { bbox: { top: number; height: number } }>;
}

/**
 * Cuts the checked MRZ cells out of the bands the MRZ pass read and scores them against the OCR-B templates.
 * Line 1 comes from the first reading and line 2 from the reading `readTd3Best` chose (`pass`), as in the MRZ.
 */
export function compareMrzCells(sources: GlyphSource[], mrz: { lines: readonly string[]; pass: number }): GlyphComparison[] {
  const pairs = sources.flatMap((source) => {
    const pair = pickTd3Lines(source.lines);
    return pair ? [{ band: source.band, pair }] : [];
  });
  const chosen = [pairs[0], pairs[mrz.pass - 1]];
  const comparisons: GlyphComparison[] = [];
  for (const lineIndex of [0, 1]) {
    const source = chosen[lineIndex];
    if (!source) continue;
    const line = source.pair[lineIndex]!;
    const pitch = gridPitch(source.pair);
    const centres = gridCentres(line, pitch);
    if (centres.length === 0) continue;
    const { top, height } = line.bbox;
    const cell = (column: number): GreyImage => crop(source.band, centres[column]! - pitch / 2, top - height * 0.2, pitch, height * 1.4);
    const text = mrz.lines[lineIndex]!;
    // The line's cap height: the median height of its letters and digits (fillers `<` are shorter).
    const heights = [...text].flatMap((char, column) => (char === '<' ? [] : [inkHeight(cell(column))])).filter((h) => h > 0).sort((a, b) => a - b);
    const capHeight = heights[Math.floor(heights.length / 2)];
    if (!capHeight) continue;
    for (const [cellLine, column] of GLYPH_CHECKED_CELLS) {
      const read = text[column]!;
      if (cellLine !== lineIndex || read === '<') continue;
      const glyph = normaliseGlyph(cell(column), capHeight);
      if (!glyph) continue;
      const { best, scores } = scoreGlyph(glyph);
      // A cell that looks most like its neighbour's character was cut a cell off (measured on photographed
      // pages: the grid slips by a whole cell past some column, and every later cell "looks like" the one
      // before it). Nothing can be said about it; a printed look-alike still differs from both neighbours.
      if (best !== read && (best === text[column - 1] || best === text[column + 1])) continue;
      const [seen, score] = Object.entries(scores)
        .filter(([char]) => char !== read)
        .reduce((top, entry) => (entry[1] > top[1] ? entry : top));
      comparisons.push({ line: lineIndex, column, read, seen, margin: score - (scores[read] ?? 0) });
    }
  }
  return comparisons;
}

/** A rectangle of the image (clipped to it; outside counts as paper). */
function crop(image: GreyImage, left: number, top: number, width: number, height: number): GreyImage {
  const x0 = Math.round(left);
  const y0 = Math.round(top);
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const pixels = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y += 1) {
    const sy = y0 + y;
    if (sy < 0 || sy >= image.height) continue;
    for (let x = 0; x < w; x += 1) {
      const sx = x0 + x;
      if (sx >= 0 && sx < image.width) pixels[y * w + x] = image.pixels[sy * image.width + sx]!;
    }
  }
  return { width: w, height: h, pixels };
}
