import type { GlyphComparison } from './mrz-glyph-check';
import type { TemplateReading } from './mrz-template-reader';

/**
 * What the OCR layer hands the engine: plain data, no images. Confidences are 0–1; x positions are pixels in the
 * (deskewed) image the OCR saw, used to snap MRZ characters onto their grid.
 */
export interface OcrSymbol {
  text: string;
  confidence: number;
  x0: number;
  x1: number;
}

export interface OcrLine {
  text: string;
  confidence: number;
  symbols: OcrSymbol[];
}

export interface DocumentReading {
  /** Text of the whole page (all pages of a PDF), line by line. */
  text: string;
  textConfidence: number;
  /**
   * Independent readings of the MRZ band, best first (the MRZ pass at its scales, then the page pass), or null
   * when the page has no MRZ. See `readTd3Best`.
   */
  mrzReadings: OcrLine[][] | null;
  /**
   * The MRZ read cell by cell from its OCR-B shapes (`mrz-template-reader.ts`): then `mrzReadings` holds that
   * reading alone, and its closest calls are checked.
   */
  mrzShapes?: TemplateReading;
  /** The OCR's MRZ cells compared with their OCR-B templates (`mrz-glyph-check.ts`), when OCR read the MRZ. */
  mrzGlyphs?: GlyphComparison[];
}
