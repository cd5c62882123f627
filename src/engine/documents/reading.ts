import type { GlyphComparison } from './mrz-glyph-check';
import type { TemplateReading } from './mrz-template-reader';
import type { OcrLine } from './ocr-line';

/** What the OCR layer read of a document, with the engine's own look at the MRZ when there is one. */
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
