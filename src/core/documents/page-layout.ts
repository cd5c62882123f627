import type { GreyImage, TemplateReading } from '../../engine/documents';
import type { DocumentAnalysis } from './analysis-pool';
import { greyPage, rotatedPage, scaledPage, type PreparedPage } from './prepare';

/**
 * What a page holds before any OCR (src/engine/documents/ink-rows.ts, mrz-segmentation.ts): its rows of glyphs,
 * measured at half size, give its tilt and, on a passport, the MRZ, which is then cut at full size and read from
 * its OCR-B shapes. The page is levelled here, so the page pass can skip tesseract's `rotateAuto`, a whole layout
 * analysis run only to measure the angle (measured: a quarter of the page pass), and a passport's page pass can
 * skip the MRZ rows, which the LSTM reads slowly and badly (docs/documents.md#page-layout-and-levelling). The
 * arithmetic runs in the analysis pool (analysis-pool.ts); the image work is sharp's, off the core's thread too.
 */
export interface PageLayout {
  /** The page levelled by its text rows; as it came when `levelled` is false (too few rows to tell). */
  page: PreparedPage;
  levelled: boolean;
  /**
   * A TD3 MRZ cut into its cells, what the page pass should read on that page (see GRAINY), and the reading of
   * the cells from their shapes: ~70 ms of arithmetic (measured), which the caller starts beside the page pass.
   */
  mrz: { pagePass: PreparedPage; read: (signal?: AbortSignal) => Promise<TemplateReading> } | null;
}

/** The rows are measured at half size: print stays glyph-sized (8 px and up) and there is a quarter of the work. */
const MEASURE_SCALE = 0.5;
/** Below this tilt a page is left as it is (tesseract.js ignores angles under 0.005 rad, ~0.3°, the same way). */
const MIN_DESKEW_DEGREES = 0.3;
/** Glyph heights of margin around the MRZ rows when the band is cut out at full size. */
const BAND_MARGIN = 1.2;
/**
 * Specks per megapixel above which a capture is grainy (measured: 1,900–2,000 on the noisy fixtures, at most 13
 * on every other capture). On a grainy visual zone alone tesseract's layout analysis takes the noise for text
 * lines (measured: 0.8–1.4 s instead of 0.3 s, and the dates lost); with the MRZ's large uniform lines in the
 * block it does not (0.6–0.7 s), so a grainy page is read whole.
 */
const GRAINY = 200;
/** Rows left out above the MRZ when the page pass reads the visual zone (a fraction of a glyph). */
const VISUAL_ZONE_GAP = 4;

export async function analysePage(page: PreparedPage, analysis: DocumentAnalysis, { readMrz = true, signal }: { readMrz?: boolean; signal?: AbortSignal } = {}): Promise<PageLayout> {
  const measure = async (of: PreparedPage, findMrz: boolean) =>
    analysis.run({ kind: 'measure', image: await scaledPage(of, MEASURE_SCALE), findMrz }, signal);
  const measured = await measure(page, readMrz);
  let { place } = measured;
  const { slope } = measured;
  if (slope === null) return { page, levelled: false, mrz: null };
  const degrees = (Math.atan(slope) * 180) / Math.PI;
  if (Math.abs(degrees) >= MIN_DESKEW_DEGREES) {
    page = await rotatedPage(page, -degrees);
    if (place) place = (await measure(page, true)).place;
  }
  if (!place) return { page, levelled: true, mrz: null };
  const margin = place.glyphHeight * BAND_MARGIN;
  const top = Math.max(0, Math.floor((place.top - margin) / MEASURE_SCALE));
  const bottom = Math.min(page.height, Math.ceil((place.bottom + margin) / MEASURE_SCALE));
  const band: GreyImage = { width: page.width, height: bottom - top, pixels: page.pixels.subarray(top * page.width, bottom * page.width) };
  const segmented = await analysis.run({ kind: 'segment', band }, signal);
  if (!segmented) return { page, levelled: true, mrz: null };
  const mrzTop = Math.floor(place.top / MEASURE_SCALE);
  const pagePass = segmented.speckDensity > GRAINY ? page : greyPage(page.pixels, page.width, Math.max(1, mrzTop - VISUAL_ZONE_GAP), page.dpi);
  return {
    page,
    levelled: true,
    mrz: { pagePass: await forPagePass(pagePass), read: (readSignal) => analysis.run({ kind: 'read', segmented }, readSignal ?? signal) },
  };
}

/**
 * Long side of what the page pass reads, at most: an A5 certificate at 300 dpi (1754 px) reads the same at
 * 1500 px and 10–20 % faster (measured on the fixture certificates: the same text, less noise read as text).
 * Print stays well above the ~10 px x-height where tesseract's accuracy drops (docs/documents.md#page-text).
 */
const PAGE_PASS_LONG_SIDE = 1500;

/** The page as the page pass should read it: brought down to PAGE_PASS_LONG_SIDE when bigger. */
export async function forPagePass(page: PreparedPage): Promise<PreparedPage> {
  const scale = PAGE_PASS_LONG_SIDE / Math.max(page.width, page.height);
  return scale >= 1 ? page : scaledPage(page, scale);
}
