import sharp from 'sharp';
import type { GlyphComparison, GlyphSource, GreyImage, MrzReading, OcrLine } from '../../engine/documents';
import type { DocumentAnalysis } from './analysis-pool';
import type { Band } from './mrz-band';
import type { Rectangle } from './ocr-engine';

/** One reading of the MRZ pass with the band image it read (line boxes and symbol positions are in that image). */
export interface MrzBandReading {
  lines: Array<OcrLine & { bbox: Rectangle }>;
  band: Band;
}

/**
 * The glyph check's comparison (src/engine/documents/mrz-glyph-check.ts) of the cells the MRZ pass read: the
 * bands are decoded here (sharp), the cells cut and scored in the analysis pool.
 */
export async function compareMrzGlyphs(readings: MrzBandReading[], mrz: MrzReading, analysis: DocumentAnalysis, signal?: AbortSignal): Promise<GlyphComparison[]> {
  const sources: GlyphSource[] = await Promise.all(readings.map(async (reading) => ({ band: await greyPixels(reading.band), lines: reading.lines })));
  return analysis.run({ kind: 'glyphs', sources, mrz: { lines: mrz.lines, pass: mrz.pass } }, signal);
}

async function greyPixels(band: Band): Promise<GreyImage> {
  const { data, info } = await sharp(band.image).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, pixels: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}
