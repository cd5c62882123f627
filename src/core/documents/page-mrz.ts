import { readSegmentedMrz, segmentMrz, type GreyImage, type TemplateReading } from '../../engine/documents';
import { MIN_DESKEW_DEGREES, rotated } from './level';
import { greyPage, type PreparedPage } from './prepare';

/**
 * A passport page's MRZ found and read before any OCR (src/engine/documents/mrz-segmentation.ts), and the page
 * levelled by the MRZ's own lines: the page pass then needs neither tesseract's `rotateAuto` layout pass (a
 * quarter of its time, measured) nor the MRZ rows, which the LSTM reads slowly and badly (NOTES.md §MRZ OCR).
 */
export interface PageMrz {
  reading: TemplateReading;
  /**
   * What the page pass should read, deskewed when the page was turned by more than MIN_DESKEW_DEGREES: the
   * visual zone above the MRZ, or the whole page when it is grainy (see GRAINY).
   */
  pagePass: PreparedPage;
}

/** Share of the page searched, from the bottom: the MRZ ends a TD3 data page (ICAO 9303 Part 4 §3). */
const SEARCHED_SHARE = 0.5;
/**
 * Specks per megapixel above which a capture is grainy (measured: 1,900–2,000 on the noisy fixtures, at most 13
 * on every other capture). On a grainy visual zone alone tesseract's layout analysis takes the noise for text
 * lines (measured: 0.8–1.4 s instead of 0.3 s, and the dates lost); with the MRZ's large uniform lines in the
 * block it does not (0.6–0.7 s), so a grainy page is read whole.
 */
const GRAINY = 200;
/** Rows left out above the MRZ when the page pass reads the visual zone (a fraction of a glyph). */
const VISUAL_ZONE_GAP = 4;

export async function findPageMrz(page: PreparedPage): Promise<PageMrz | null> {
  let found = segmentBottom(page);
  if (!found) return null;
  const degrees = (Math.atan(found.segmented.slope) * 180) / Math.PI;
  if (Math.abs(degrees) >= MIN_DESKEW_DEGREES) {
    page = await rotated(page, -degrees);
    found = segmentBottom(page);
    if (!found) return null;
  }
  // Segmenting and reading each hold the thread for ~50–150 ms (measured): let other requests in between.
  await new Promise((resolve) => setImmediate(resolve));
  const { segmented, offset } = found;
  const pagePass = segmented.speckDensity > GRAINY ? page : pageAbove(page, offset + segmented.top - VISUAL_ZONE_GAP);
  return { reading: readSegmentedMrz(segmented), pagePass };
}

function segmentBottom(page: PreparedPage) {
  const offset = Math.floor(page.height * (1 - SEARCHED_SHARE));
  const region: GreyImage = { width: page.width, height: page.height - offset, pixels: page.pixels.subarray(offset * page.width) };
  const segmented = segmentMrz(region);
  return segmented ? { segmented, offset } : null;
}

/** The rows of the page above `bottom`. */
function pageAbove(page: PreparedPage, bottom: number): PreparedPage {
  const rows = Math.max(1, Math.min(page.height, Math.round(bottom)));
  return greyPage(page.pixels, page.width, rows, page.dpi);
}
