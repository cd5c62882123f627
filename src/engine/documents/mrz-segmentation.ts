/**
 * Finds the 2 × 44 character cells of a TD3 MRZ in a deskewed band image, without OCR. An MRZ is a fixed grid
 * (ICAO 9303 Part 3 §4: OCR-B at 10 characters per inch, no spaces: every cell holds a glyph, fillers `<`
 * included), so its characters are the connected ink components of two rows of about 44, each one pitch from
 * the next. Pure: grey pixels in, cell images out; the OCR-B reader (mrz-template-reader.ts) classifies them.
 */
import type { GreyImage } from './glyphs';
import { chains, findGlyphs, heightOf, linearFit, median, quantile, type Component } from './ink-rows';
import { TD3_LENGTH } from './mrz';

export interface MrzCell {
  /** The cell's glyph on white paper, shading removed (ink of the cell's own components only). */
  image: GreyImage;
  /** Centre of the cell in the band image, for pointing at it. */
  x: number;
}

export interface SegmentedMrz {
  lines: [MrzCell[], MrzCell[]];
  /** Median height of the letters and digits of each line: the cap height glyphs are normalised to. */
  capHeights: [number, number];
  pitch: number;
  /** Specks of ink too small for any glyph, per megapixel of the image: how grainy the capture is. */
  speckDensity: number;
}

/** A line of the MRZ must have at least this many components chained together before it is believed. */
const MIN_LINE_COMPONENTS = 36;

/** Unit gaps the running pitch averages: short enough to follow a photographed page's perspective. */
const PITCH_WINDOW = 6;

/**
 * Places the components of one line on its 44 cells, walking left to right: the next component is one pitch on
 * (the next cell), or much less (a second piece of the same glyph, cut by noise). The pitch is the running
 * mean of the last few gaps, since a photographed page's perspective stretches it along the line (measured up
 * to 12 %). Null when the line is not 44 cells of one glyph each: a gap of two pitches (a lost or smeared
 * glyph), or more or fewer than 44 cells.
 */
function assignCells(row: Component[]): number[] | null {
  const gaps = row.slice(1).map((d, i) => d.cx - row[i]!.cx);
  const recent: number[] = [quantile(gaps, 0.5)];
  const cells = [0];
  for (const [i, gap] of gaps.entries()) {
    const pitch = recent.reduce((s, g) => s + g, 0) / recent.length;
    const steps = gap / pitch;
    if (steps < 0.45) {
      cells.push(cells[i]!);
      continue;
    }
    if (steps > 1.45) return null;
    cells.push(cells[i]! + 1);
    recent.push(gap);
    if (recent.length > PITCH_WINDOW) recent.shift();
  }
  return cells[cells.length - 1] === TD3_LENGTH - 1 ? cells : null;
}

/**
 * The MRZ's cells in a band image, or null when no two rows of 44 glyphs are found (the caller falls back to
 * OCR for such a band).
 */
export function segmentMrz(image: GreyImage): SegmentedMrz | null {
  const { width, height } = image;
  const { ink, labels, glyphs, glyphHeight, speckDensity } = findGlyphs(image);
  const found = mrzRows(chains(glyphs, glyphHeight));
  return found ? { ...cutCells(found.rows, found.cells, ink, labels, width, height), speckDensity } : null;
}

/** Where a page's MRZ lies: the box around its two rows, and their tilt (rise per pixel across). */
export interface MrzPlace {
  top: number;
  bottom: number;
  left: number;
  right: number;
  glyphHeight: number;
  slope: number;
}

/** The MRZ among a page's rows of glyphs (`pageRows` in ink-rows.ts), or null when none fits the grid. */
export function placeMrz(rows: Component[][]): MrzPlace | null {
  const found = mrzRows(rows);
  if (!found) return null;
  const all = found.rows.flat();
  const slope = (linearFit(found.rows[0].map((c) => [c.cx, c.cy] as const)).slope + linearFit(found.rows[1].map((c) => [c.cx, c.cy] as const)).slope) / 2;
  return {
    top: Math.min(...all.map((c) => c.top)),
    bottom: Math.max(...all.map((c) => c.bottom)),
    left: Math.min(...all.map((c) => c.left)),
    right: Math.max(...all.map((c) => c.right)),
    glyphHeight: quantile(all.map(heightOf), 0.9),
    slope,
  };
}

/**
 * The MRZ is the bottom two rows that each fit 44 cells (ICAO 9303 Part 4: the MRZ ends the data page; a long
 * line of printed text above it does not fit the grid).
 */
function mrzRows(chained: Component[][]): { rows: [Component[], Component[]]; cells: [number[], number[]] } | null {
  const rows = chained.filter((row) => row.length >= MIN_LINE_COMPONENTS);
  rows.sort((a, b) => median(a.map((c) => c.cy)) - median(b.map((c) => c.cy)));
  for (let second = rows.length - 1; second >= 1; second -= 1) {
    const pair: [Component[], Component[]] = [rows[second - 1]!, rows[second]!];
    const cells = pair.map(assignCells);
    if (cells[0] && cells[1]) return { rows: pair, cells: cells as [number[], number[]] };
  }
  return null;
}

function cutCells(rows: [Component[], Component[]], cellsOf: [number[], number[]], ink: Float32Array, labels: Int32Array, width: number, height: number): Omit<SegmentedMrz, 'speckDensity'> {
  const lines: MrzCell[][] = [];
  const capHeights: number[] = [];
  for (const [index, row] of rows.entries()) {
    const cellOf = cellsOf[index]!;
    // Letters and digits stand a cap height tall; fillers `<` are shorter and sit lower.
    const tall = quantile(row.map(heightOf), 0.9);
    const letters = row.filter((c) => heightOf(c) >= tall * 0.8);
    const capHeight = median(letters.map(heightOf));
    const top = linearFit(letters.map((c) => [c.cx, c.top] as const));
    const bottom = linearFit(letters.map((c) => [c.cx, c.bottom] as const));
    const cells: MrzCell[] = [];
    for (let cell = 0; cell < TD3_LENGTH; cell += 1) {
      const members = row.filter((_, i) => cellOf[i] === cell);
      const x0 = Math.min(...members.map((c) => c.left - 1));
      const x1 = Math.max(...members.map((c) => c.right + 1));
      const x = (x0 + x1) / 2;
      const y0 = Math.min(top(x) - capHeight * 0.25, ...members.map((c) => c.top - 1));
      const y1 = Math.max(bottom(x) + capHeight * 0.25, ...members.map((c) => c.bottom + 1));
      cells.push({ image: cellImage(ink, labels, width, height, members.map((c) => c.label), x0, y0, x1, y1), x });
    }
    lines.push(cells);
    capHeights.push(capHeight);
  }
  return {
    lines: lines as [MrzCell[], MrzCell[]],
    capHeights: capHeights as [number, number],
    pitch: median(rows.map((row) => (row[row.length - 1]!.cx - row[0]!.cx) / (TD3_LENGTH - 1))),
  };
}

/**
 * The cell's rectangle as grey paper with only its own components' ink (and the anti-aliased fringe one pixel
 * around them): a neighbour's stroke reaching into the cell, or a speck, is not part of the glyph.
 */
function cellImage(ink: Float32Array, labels: Int32Array, width: number, height: number, own: number[], x0: number, y0: number, x1: number, y1: number): GreyImage {
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const w = Math.max(1, Math.min(width, Math.ceil(x1)) - left);
  const h = Math.max(1, Math.min(height, Math.ceil(y1)) - top);
  const mine = new Set(own);
  const pixels = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const [sx, sy] = [left + x, top + y];
      let near = false;
      for (let dy = -1; dy <= 1 && !near; dy += 1) {
        for (let dx = -1; dx <= 1 && !near; dx += 1) {
          const [nx, ny] = [sx + dx, sy + dy];
          if (nx >= 0 && ny >= 0 && nx < width && ny < height && mine.has(labels[ny * width + nx]!)) near = true;
        }
      }
      if (near) pixels[y * w + x] = Math.round(255 * (1 - ink[sy * width + sx]!));
    }
  }
  return { width: w, height: h, pixels };
}

