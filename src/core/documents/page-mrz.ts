import sharp from 'sharp';
import { readSegmentedMrz, segmentMrz, type GreyImage, type TemplateReading } from '../../engine/documents';
import { greyPage, type PreparedPage } from './prepare';

/**
 * A passport page's MRZ found and read before any OCR (src/engine/documents/mrz-segmentation.ts), and the page
 * levelled by the MRZ's own lines: the page pass then needs neither tesseract's `rotateAuto` layout pass (a
 * quarter of its time, measured) nor the MRZ rows, which the LSTM reads slowly and badly (NOTES.md §MRZ OCR).
 */
export interface PageMrz {
  reading: TemplateReading;
  /** The page, deskewed when it was turned by more than MIN_DESKEW_DEGREES. */
  page: PreparedPage;
  /** First row of the MRZ on that page: the visual zone is everything above it. */
  top: number;
}

/** Share of the page searched, from the bottom: the MRZ ends a TD3 data page (ICAO 9303 Part 4 §3). */
const SEARCHED_SHARE = 0.5;
/** Below this tilt the glyphs are upright enough for the templates (measured: margins unchanged at 0.3°). */
const MIN_DESKEW_DEGREES = 0.3;

export async function findPageMrz(page: PreparedPage): Promise<PageMrz | null> {
  const found = segmentBottom(page);
  if (!found) return null;
  const degrees = (Math.atan(found.segmented.slope) * 180) / Math.PI;
  if (Math.abs(degrees) < MIN_DESKEW_DEGREES) return { reading: readSegmentedMrz(found.segmented), page, top: found.offset + found.segmented.top };
  const level = await rotated(page, -degrees);
  const again = segmentBottom(level);
  return again ? { reading: readSegmentedMrz(again.segmented), page: level, top: again.offset + again.segmented.top } : null;
}

function segmentBottom(page: PreparedPage) {
  const offset = Math.floor(page.height * (1 - SEARCHED_SHARE));
  const region: GreyImage = { width: page.width, height: page.height - offset, pixels: page.pixels.subarray(offset * page.width) };
  const segmented = segmentMrz(region);
  return segmented ? { segmented, offset } : null;
}

/** The page turned by `degrees` (clockwise positive, as sharp), on white. */
async function rotated(page: PreparedPage, degrees: number): Promise<PreparedPage> {
  const { data, info } = await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 1 } })
    .rotate(degrees, { background: '#ffffff' })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return greyPage(data, info.width, info.height, page.dpi);
}

/** The rows of the page above `bottom` (a little margin left under them), for the page pass. */
export function pageAbove(page: PreparedPage, bottom: number): PreparedPage {
  const rows = Math.max(1, Math.min(page.height, Math.round(bottom)));
  return greyPage(page.pixels, page.width, rows, page.dpi);
}
