/**
 * Reads the cells of a segmented MRZ (mrz-segmentation.ts) by comparing each glyph with the OCR-B templates
 * (glyphs.ts): the MRZ is printed in one font (ICAO 9303 Part 3 §4.2), so the shape of every character is known
 * in advance and a generic OCR model's confusions (the OCR-B pairs 0/O, 8/B, 5/S, 2/Z of
 * docs/documents.md#safety-rule) need not be inherited.
 */
import { decodedTemplates, GLYPH_CAP_HEIGHT, GLYPH_HEIGHT, GLYPH_WIDTH, inkExtent, inkOf, normaliseGlyph, scoreGlyph } from './glyphs';
import { linearFit } from './ink-rows';
import type { MrzCell, SegmentedMrz } from './mrz-segmentation';
import type { OcrLine } from './ocr-line';
import type { RuleOutcome } from './rules';

export interface TemplateCell {
  char: string;
  /** The runner-up, and how sure the reading is against it (template correlation margin, 0 = a tie). */
  runnerUp: string;
  margin: number;
  /** Centre of the cell in the band image. */
  x: number;
}

export interface TemplateReading {
  lines: [TemplateCell[], TemplateCell[]];
}

let templateExtents: Record<string, number> | null = null;

/** Ink height of each template to a fraction of a template pixel (the OCR-B `H` is GLYPH_CAP_HEIGHT tall). */
function extents(): Record<string, number> {
  templateExtents ??= Object.fromEntries(Object.entries(decodedTemplates()).map(([char, glyph]) => [char, inkExtent(glyph, GLYPH_WIDTH, GLYPH_HEIGHT)]));
  return templateExtents;
}

/**
 * OCR-B `0` and `O` differ less in shape than in height: the digit stands ~7 % taller (measured on the fixture
 * corpus: heights over the line's scale 0.98–1.03 for `0`, 0.92–0.97 for `O`, in every capture variant). Their
 * correlation margin stays under ~0.15 either way, so between these two the height decides, and the margin
 * is the distance from the midpoint, scaled so a height exactly on a template counts like a clear 0.1 margin.
 */
const HEIGHT_DECIDED = ['0', 'O'] as const;
const HEIGHT_MARGIN_AT_TEMPLATE = 0.1;
/** How far behind the best template the other of `0`/`O` may score and still be decided by height. */
const HEIGHT_CONTEST = 0.2;

interface Classified extends TemplateCell {
  scores: Record<string, number>;
}

function classify(cell: MrzCell, capHeight: number, rough = false): Classified {
  const glyph = normaliseGlyph(cell.image, capHeight);
  if (!glyph) return { char: '<', runnerUp: '<', margin: 0, x: cell.x, scores: {} };
  const { best, scores } = scoreGlyph(glyph, { shifted: !rough });
  const [runnerUp, second] = runnerUpOf(scores, [best]);
  return { char: best, runnerUp, margin: scores[best]! - second, x: cell.x, scores };
}

/** The best-scoring character other than those excluded. */
function runnerUpOf(scores: Record<string, number>, excluded: readonly string[]): [string, number] {
  return Object.entries(scores)
    .filter(([char]) => !excluded.includes(char))
    .reduce((a, b) => (b[1] > a[1] ? b : a), ['<', -Infinity]);
}

/**
 * Every cell classified at the line's provisional cap height, then again at the scale its neighbours' confident
 * readings imply (each glyph's height over its template's: a line of mostly digits, taller than the capitals in
 * OCR-B, would otherwise overstate it, and a photographed line shrinks towards its far end), and `0`/`O`
 * decided by height at that scale.
 */
export function readSegmentedMrz(segmented: SegmentedMrz): TemplateReading {
  const lines = segmented.lines.map((cells, line) => {
    const heights = cells.map((cell) => {
      const ink = inkOf(cell.image);
      return ink ? inkExtent(ink, cell.image.width, cell.image.height) : 0;
    });
    // Rough (templates in place only): this reading only gives the scale.
    const first = cells.map((cell) => classify(cell, segmented.capHeights[line]!, true));
    const implied = first.map((cell, i) =>
      cell.char !== '<' && !(HEIGHT_DECIDED as readonly string[]).includes(cell.char) && cell.margin > 0.03 && heights[i]! > 0 ? heights[i]! / extents()[cell.char]! : null,
    );
    const scaleAt = scaleAlongLine(cells.flatMap((cell, i) => (implied[i] ? [[cell.x, implied[i]] as const] : [])));
    if (!scaleAt) return first.map(({ scores: _, ...cell }) => cell);
    return cells.map((cell, i): TemplateCell => {
      const scale = scaleAt(cell.x);
      const { scores, ...read } = classify(cell, scale * GLYPH_CAP_HEIGHT);
      const [zeroScore, ohScore] = HEIGHT_DECIDED.map((char) => scores[char] ?? -1);
      const best = scores[read.char] ?? -1;
      if (!(HEIGHT_DECIDED as readonly string[]).includes(read.char) || Math.min(zeroScore!, ohScore!) < best - HEIGHT_CONTEST) return read;
      const zero = scale * extents()['0']!;
      const midpoint = Math.sqrt(zero * scale * extents()['O']!);
      const char = heights[i]! > midpoint ? '0' : 'O';
      const heightMargin = (HEIGHT_MARGIN_AT_TEMPLATE * Math.abs(Math.log(heights[i]! / midpoint))) / Math.log(zero / midpoint);
      // Whichever of the two wins must still beat every other character on shape.
      const [other, otherScore] = runnerUpOf(scores, HEIGHT_DECIDED);
      const shapeMargin = Math.max(zeroScore!, ohScore!) - otherScore;
      return shapeMargin < heightMargin
        ? { char, runnerUp: other, margin: shapeMargin, x: read.x }
        : { char, runnerUp: char === '0' ? 'O' : '0', margin: heightMargin, x: read.x };
    });
  });
  return { lines: lines as [TemplateCell[], TemplateCell[]] };
}

/**
 * The glyph scale along a line as a straight fit of the glyphs' implied scales against their position (a
 * photographed page shrinks linearly towards its far side), refitted without the glyphs more than 4 % off it.
 */
function scaleAlongLine(points: ReadonlyArray<readonly [number, number]>): ((x: number) => number) | null {
  if (points.length < 6) return null;
  const rough = linearFit(points);
  const kept = points.filter(([x, y]) => Math.abs(y / rough(x) - 1) <= 0.04);
  return kept.length >= 6 ? linearFit(kept) : rough;
}

/** A margin at which a cell counts as read with full confidence (genuine cells on the fixture corpus: 0.04–0.3). */
const CLEAR_MARGIN = 0.05;
/**
 * Below this margin a cell could be either of two characters and a person must look. The closest genuine call
 * on 216 development passports (six capture variants) was 0.036; misread cells there were all under 0.021
 * before the height rule for `0`/`O`. The figures: docs/documents.md#the-ocr-b-mrz-reader,
 * docs/documents.md#measurements.
 */
export const SHAPE_MIN_MARGIN = 0.025;

/** The reading as the two OCR lines the MRZ parser takes: 44 characters each, one symbol per cell. */
export function templateLines(reading: TemplateReading): OcrLine[] {
  return reading.lines.map((cells) => ({
    text: cells.map((cell) => cell.char).join(''),
    confidence: Math.min(...cells.map((cell) => Math.min(1, cell.margin / CLEAR_MARGIN))),
    symbols: cells.map((cell) => ({ text: cell.char, confidence: Math.min(1, cell.margin / CLEAR_MARGIN), x0: cell.x - 1, x1: cell.x + 1 })),
  }));
}

/** Cells named in a failing message; a badly captured MRZ can doubt dozens. */
const MAX_LISTED = 6;

/** The shape check of an MRZ read by templates: every cell must match one character clearly better than any other. */
export function checkMrzShapes(reading: TemplateReading): RuleOutcome {
  const cells = reading.lines.flatMap((line, l) => line.map((cell, column) => ({ ...cell, line: l, column })));
  const where = (c: (typeof cells)[number]) => `line ${c.line + 1} col ${c.column + 1}`;
  const doubtful = cells.filter((c) => c.margin < SHAPE_MIN_MARGIN);
  if (doubtful.length === 0) {
    const closest = cells.reduce((a, b) => (b.margin < a.margin ? b : a));
    return {
      check: {
        id: 'mrz_glyphs',
        ok: true,
        message: `All ${cells.length} MRZ characters read from their OCR-B shapes (closest call: ${where(closest)}, ${closest.char} over ${closest.runnerUp} by ${closest.margin.toFixed(2)})`,
      },
    };
  }
  const listed = doubtful.slice(0, MAX_LISTED).map((c) => `${where(c)}: ${c.char} or ${c.runnerUp}`);
  return {
    check: {
      id: 'mrz_glyphs',
      ok: false,
      message: `Printed MRZ characters could be read either way (${listed.join(', ')}${doubtful.length > MAX_LISTED ? ` and ${doubtful.length - MAX_LISTED} more` : ''}); a person must compare them`,
    },
    reason: 'low_confidence',
    severity: 'review',
  };
}
