import sharp from 'sharp';
import {
  GLYPH_CHECKED_CELLS,
  gridCentres,
  gridPitch,
  inkHeight,
  normaliseGlyph,
  pickTd3Lines,
  scoreGlyph,
  type GlyphComparison,
  type GreyImage,
  type MrzReading,
  type OcrLine,
} from '../../engine/documents';
import type { Band } from './mrz-band';
import type { Rectangle } from './ocr-engine';

/**
 * One reading of the MRZ pass with the band image it read (line boxes and symbol positions are in that image).
 * Glyphs are cut from that same image: tried on the unscaled band instead of the 0.7× one, noise moved genuine
 * `0`s nearer to `O` (margins up to 0.26 against 0.15), closer to the printed look-alikes (0.23–0.32).
 */
export interface MrzBandReading {
  lines: Array<OcrLine & { bbox: Rectangle }>;
  band: Band;
}

/**
 * Cuts the MRZ cells the glyph check compares (src/engine/documents/mrz-glyph-check.ts) out of the band images
 * the MRZ pass read, and scores them against the OCR-B templates. Line 1 comes from the first reading and line 2
 * from the reading `readTd3Best` chose (`mrz.pass`), as in the MRZ itself.
 */
export async function compareMrzGlyphs(readings: MrzBandReading[], mrz: MrzReading): Promise<GlyphComparison[]> {
  const pairs = readings.flatMap((reading) => {
    const pair = pickTd3Lines(reading.lines);
    return pair ? [{ band: reading.band, pair }] : [];
  });
  const sources = [pairs[0], pairs[mrz.pass - 1]];
  const comparisons: GlyphComparison[] = [];
  for (const lineIndex of [0, 1]) {
    const source = sources[lineIndex];
    if (!source) continue;
    const line = source.pair[lineIndex]!;
    const pitch = gridPitch(source.pair);
    const centres = gridCentres(line, pitch);
    if (centres.length === 0) continue;
    const { top, height } = line.bbox;
    const image = await greyPixels(source.band);
    const cell = (column: number): GreyImage => crop(image, centres[column]! - pitch / 2, top - height * 0.2, pitch, height * 1.4);
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
        .reduce((best, entry) => (entry[1] > best[1] ? entry : best));
      comparisons.push({ line: lineIndex, column, read, seen, margin: score - (scores[read] ?? 0) });
    }
  }
  return comparisons;
}

async function greyPixels(band: Band): Promise<GreyImage> {
  const { data, info } = await sharp(band.image).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, pixels: new Uint8Array(data.buffer, data.byteOffset, data.length) };
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
