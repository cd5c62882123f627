import sharp from 'sharp';
import { textSkew } from '../../engine/documents';
import { greyPage, type PreparedPage } from './prepare';

/**
 * Pages levelled before OCR by the tilt of their own rows of glyphs (src/engine/documents/ink-rows.ts), so the
 * page pass can skip tesseract's `rotateAuto`, which runs a whole layout analysis only to measure the angle
 * (measured: a quarter of the page pass).
 */

/** Below this tilt a page is left as it is (tesseract.js ignores angles under 0.005 rad, ~0.3°, the same way). */
export const MIN_DESKEW_DEGREES = 0.3;

/** The page turned by `degrees` (clockwise positive, as sharp), on white. */
export async function rotated(page: PreparedPage, degrees: number): Promise<PreparedPage> {
  const { data, info } = await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 1 } })
    .rotate(degrees, { background: '#ffffff' })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return greyPage(data, info.width, info.height, page.dpi);
}

/** The tilt is measured at half size: print stays glyph-sized (8 px and up) and there is a quarter of the work. */
const MEASURE_SCALE = 0.5;

/** The page levelled by its text rows; null when it has too few rows to tell (then tesseract measures it). */
export async function levelledPage(page: PreparedPage): Promise<PreparedPage | null> {
  const { data, info } = await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 1 } })
    .resize(Math.round(page.width * MEASURE_SCALE))
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const slope = textSkew({ width: info.width, height: info.height, pixels: new Uint8Array(data.buffer, data.byteOffset, data.length) });
  if (slope === null) return null;
  const degrees = (Math.atan(slope) * 180) / Math.PI;
  return Math.abs(degrees) < MIN_DESKEW_DEGREES ? page : rotated(page, -degrees);
}
