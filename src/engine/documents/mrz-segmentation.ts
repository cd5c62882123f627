/**
 * Finds the 2 × 44 character cells of a TD3 MRZ in a deskewed band image, without OCR. An MRZ is a fixed grid
 * (ICAO 9303 Part 3 §4: OCR-B at 10 characters per inch, no spaces: every cell holds a glyph, fillers `<`
 * included), so its characters are the connected ink components of two rows of about 44, each one pitch from
 * the next. Pure: grey pixels in, cell images out; the OCR-B reader (mrz-template-reader.ts) classifies them.
 */
import type { GreyImage } from './glyphs';
import { TD3_LENGTH } from './mrz';

/** One connected blob of ink. */
interface Component {
  label: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  area: number;
  cx: number;
  cy: number;
}

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
  /** Rise of the lines per pixel across (positive: they fall to the right, the page is turned clockwise). */
  slope: number;
  /** Top of the first line's highest glyph. */
  top: number;
}

/** Share of the local paper brightness below which a pixel is ink (print is near black; shading is gradual). */
const INK_THRESHOLD = 0.42;
/** Side of the blocks whose brightest pixels estimate the paper under shading (well above a glyph's stroke). */
const PAPER_BLOCK = 24;
/** A line of the MRZ must have at least this many components chained together before it is believed. */
const MIN_LINE_COMPONENTS = 36;

/** Ink 0–1 per pixel relative to the local paper brightness (photographed pages are shaded across). */
export function relativeInk(image: GreyImage): Float32Array {
  const { width, height, pixels } = image;
  const bw = Math.ceil(width / PAPER_BLOCK);
  const bh = Math.ceil(height / PAPER_BLOCK);
  const paper = new Float32Array(bw * bh);
  const histogram = new Uint32Array(256);
  for (let by = 0; by < bh; by += 1) {
    for (let bx = 0; bx < bw; bx += 1) {
      histogram.fill(0);
      let count = 0;
      for (let y = by * PAPER_BLOCK; y < Math.min(height, (by + 1) * PAPER_BLOCK); y += 1) {
        for (let x = bx * PAPER_BLOCK; x < Math.min(width, (bx + 1) * PAPER_BLOCK); x += 1) {
          histogram[pixels[y * width + x]!]! += 1;
          count += 1;
        }
      }
      // The 90th percentile, not the maximum: a salt speck is not the paper.
      let seen = 0;
      let level = 255;
      for (; level > 0; level -= 1) {
        seen += histogram[level]!;
        if (seen >= count * 0.1) break;
      }
      paper[by * bw + bx] = level;
    }
  }
  // A block of glyph strokes with little paper in it reads darker than the paper around it: take the brightest
  // of each block's neighbourhood.
  const smoothed = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by += 1) {
    for (let bx = 0; bx < bw; bx += 1) {
      let best = 0;
      for (let dy = -1; dy <= 1; dy += 1) for (let dx = -1; dx <= 1; dx += 1) {
        const [x, y] = [bx + dx, by + dy];
        if (x >= 0 && y >= 0 && x < bw && y < bh) best = Math.max(best, paper[y * bw + x]!);
      }
      smoothed[by * bw + bx] = best;
    }
  }
  const ink = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    // Bilinear between block centres, so the paper estimate has no seams.
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / PAPER_BLOCK - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(bh - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x += 1) {
      const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / PAPER_BLOCK - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(bw - 1, x0 + 1);
      const tx = fx - x0;
      const level =
        smoothed[y0 * bw + x0]! * (1 - tx) * (1 - ty) + smoothed[y0 * bw + x1]! * tx * (1 - ty) + smoothed[y1 * bw + x0]! * (1 - tx) * ty + smoothed[y1 * bw + x1]! * tx * ty;
      ink[y * width + x] = level > 0 ? Math.min(1, Math.max(0, (level - pixels[y * width + x]!) / level)) : 0;
    }
  }
  return ink;
}

/** Connected components (8-neighbourhood) of the ink mask, with a label per pixel (0 = paper). */
function components(mask: Uint8Array, width: number, height: number): { found: Component[]; labels: Int32Array } {
  const labels = new Int32Array(width * height);
  const found: Component[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start += 1) {
    if (!mask[start] || labels[start]) continue;
    const label = found.length + 1;
    const c: Component = { label, left: width, top: height, right: 0, bottom: 0, area: 0, cx: 0, cy: 0 };
    labels[start] = label;
    stack.push(start);
    while (stack.length > 0) {
      const at = stack.pop()!;
      const x = at % width;
      const y = (at - x) / width;
      c.area += 1;
      c.cx += x;
      c.cy += y;
      if (x < c.left) c.left = x;
      if (x > c.right) c.right = x;
      if (y < c.top) c.top = y;
      if (y > c.bottom) c.bottom = y;
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const next = ny * width + nx;
          if (mask[next] && !labels[next]) {
            labels[next] = label;
            stack.push(next);
          }
        }
      }
    }
    c.cx /= c.area;
    c.cy /= c.area;
    found.push(c);
  }
  return { found, labels };
}

const heightOf = (c: Component) => c.bottom - c.top + 1;
const widthOf = (c: Component) => c.right - c.left + 1;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/**
 * Rows of glyph-sized components, each linked to its nearest neighbour to the right (within two and a half
 * glyph heights, on the same row): robust to a tilt left by deskewing and to the bend of a photographed page.
 */
function chains(glyphs: Component[], glyphHeight: number): Component[][] {
  const byX = [...glyphs].sort((a, b) => a.cx - b.cx);
  const next = new Map<Component, Component>();
  const previous = new Map<Component, Component>();
  for (const [i, c] of byX.entries()) {
    let best: Component | undefined;
    for (let j = i + 1; j < byX.length; j += 1) {
      const d = byX[j]!;
      if (d.cx - c.cx > glyphHeight * 2.5) break;
      if (Math.abs(d.cy - c.cy) > glyphHeight * 0.45) continue;
      if (!best || Math.abs(d.cy - c.cy) + (d.cx - c.cx) < Math.abs(best.cy - c.cy) + (best.cx - c.cx)) best = d;
    }
    if (!best) continue;
    const rival = previous.get(best);
    if (rival && Math.abs(rival.cy - best.cy) <= Math.abs(c.cy - best.cy)) continue;
    if (rival) next.delete(rival);
    next.set(c, best);
    previous.set(best, c);
  }
  const rows: Component[][] = [];
  for (const c of byX) {
    if (previous.has(c)) continue;
    const row = [c];
    for (let at = next.get(c); at; at = next.get(at)) row.push(at);
    rows.push(row);
  }
  return rows;
}

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
  const ink = relativeInk(image);
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i += 1) mask[i] = ink[i]! > INK_THRESHOLD ? 1 : 0;
  const { found, labels } = components(mask, width, height);
  // Glyph-sized: drop specks of noise; the height estimate comes from what is left.
  const candidates = found.filter((c) => c.area >= 12 && heightOf(c) >= 6);
  if (candidates.length < TD3_LENGTH * 2) return null;
  const glyphHeight = quantile(candidates.map(heightOf), 0.75);
  // A blob touching the band's sides is the edge of a photographed page or the desk beside it, not a glyph.
  const glyphs = candidates.filter(
    (c) => heightOf(c) <= glyphHeight * 1.6 && heightOf(c) >= glyphHeight * 0.3 && widthOf(c) <= glyphHeight * 3 && c.left > 0 && c.right < width - 1,
  );
  const rows = chains(glyphs, glyphHeight).filter((row) => row.length >= MIN_LINE_COMPONENTS);
  rows.sort((a, b) => median(a.map((c) => c.cy)) - median(b.map((c) => c.cy)));
  // The MRZ is the bottom two rows that each fit 44 cells (ICAO 9303 Part 4: the MRZ ends the data page; a long
  // line of printed text above it does not fit the grid).
  for (let second = rows.length - 1; second >= 1; second -= 1) {
    const pair = [rows[second - 1]!, rows[second]!];
    const cells = pair.map(assignCells);
    if (cells[0] && cells[1]) return cutCells(pair as [Component[], Component[]], cells as [number[], number[]], ink, labels, width, height);
  }
  return null;
}

function cutCells(rows: [Component[], Component[]], cellsOf: [number[], number[]], ink: Float32Array, labels: Int32Array, width: number, height: number): SegmentedMrz {
  const lines: MrzCell[][] = [];
  const capHeights: number[] = [];
  const slopes: number[] = [];
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
    slopes.push(bottom.slope);
  }
  const first = rows[0];
  return {
    lines: lines as [MrzCell[], MrzCell[]],
    capHeights: capHeights as [number, number],
    pitch: median(rows.map((row) => (row[row.length - 1]!.cx - row[0]!.cx) / (TD3_LENGTH - 1))),
    slope: (slopes[0]! + slopes[1]!) / 2,
    top: Math.min(...first.map((c) => c.top)),
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

function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** Least-squares line y = p + q·x through the points, as a function that knows its slope q. */
function linearFit(points: ReadonlyArray<readonly [number, number]>): ((x: number) => number) & { slope: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const q = sxx > 0 ? points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx : 0;
  return Object.assign((x: number) => my + q * (x - mx), { slope: q });
}
