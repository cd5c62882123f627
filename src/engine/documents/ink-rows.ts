/**
 * Rows of printed glyphs in a grey image, without OCR: ink relative to the local paper (shading removed),
 * connected components, and glyph-sized components chained left to right into rows. The MRZ reader cuts its
 * cells from these rows (mrz-segmentation.ts); the tilt of the rows levels a page before OCR (`textSkew`).
 */
import type { GreyImage } from './glyphs';

/** One connected blob of ink. */
export interface Component {
  label: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  area: number;
  cx: number;
  cy: number;
}

/** Share of the local paper brightness below which a pixel is ink (print is near black; shading is gradual). */
const INK_THRESHOLD = 0.42;
/** Side of the blocks whose brightest pixels estimate the paper under shading (well above a glyph's stroke). */
const PAPER_BLOCK = 24;
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

export interface Glyphs {
  ink: Float32Array;
  /** Component label per pixel (0 = paper); a component's `label` is its own. */
  labels: Int32Array;
  /** Glyph-sized components (noise specks, rules and the edges of a photographed page left out). */
  glyphs: Component[];
  /** Typical glyph height: the 75th percentile of the components that are not specks. */
  glyphHeight: number;
  /** Specks of ink too small for any glyph, per megapixel: how grainy the capture is. */
  speckDensity: number;
}

export function findGlyphs(image: GreyImage): Glyphs {
  const { width, height } = image;
  const ink = relativeInk(image);
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i += 1) mask[i] = ink[i]! > INK_THRESHOLD ? 1 : 0;
  const { found, labels } = components(mask, width, height);
  // Glyph-sized: drop specks of noise; the height estimate comes from what is left.
  const candidates = found.filter((c) => c.area >= 12 && heightOf(c) >= 6);
  const glyphHeight = quantile(candidates.map(heightOf), 0.75);
  // A blob touching the image's sides is the edge of a photographed page or the desk beside it, not a glyph.
  const glyphs = candidates.filter(
    (c) => heightOf(c) <= glyphHeight * 1.6 && heightOf(c) >= glyphHeight * 0.3 && widthOf(c) <= glyphHeight * 3 && c.left > 0 && c.right < width - 1,
  );
  return { ink, labels, glyphs, glyphHeight, speckDensity: ((found.length - candidates.length) * 1e6) / (width * height) };
}

/** Rows shorter than this say little about the tilt (a word or two). */
const MIN_SKEW_ROW = 8;
/** Fewer rows than this and the tilt is not estimated. */
const MIN_SKEW_ROWS = 3;

/** The rows of glyphs of an image, with how grainy it is. */
export function pageRows(image: GreyImage): { rows: Component[][]; speckDensity: number } {
  const { glyphs, glyphHeight, speckDensity } = findGlyphs(image);
  return { rows: chains(glyphs, glyphHeight), speckDensity };
}

/**
 * The tilt of a page's text as the median slope (dy/dx) of its rows of glyphs, or null when the page has too
 * few rows to tell. Rows are chained glyph by glyph, so a tilt of a few degrees keeps each line one row.
 */
export function textSkew(rows: Component[][]): number | null {
  const slopes = rows.filter((row) => row.length >= MIN_SKEW_ROW).map((row) => linearFit(row.map((c) => [c.cx, c.cy] as const)).slope);
  return slopes.length >= MIN_SKEW_ROWS ? median(slopes) : null;
}

export const heightOf = (c: Component) => c.bottom - c.top + 1;
export const widthOf = (c: Component) => c.right - c.left + 1;

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/**
 * Rows of glyph-sized components, each linked to its nearest neighbour to the right (within two and a half
 * glyph heights, on the same row): robust to a tilt left by deskewing and to the bend of a photographed page.
 */
export function chains(glyphs: Component[], glyphHeight: number): Component[][] {
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

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** Least-squares line y = p + q·x through the points, as a function that knows its slope q. */
export function linearFit(points: ReadonlyArray<readonly [number, number]>): ((x: number) => number) & { slope: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const q = sxx > 0 ? points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx : 0;
  return Object.assign((x: number) => my + q * (x - mx), { slope: q });
}
