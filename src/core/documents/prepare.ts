import sharp, { type Metadata } from 'sharp';
import { firstLine, renderPdfPages, type PdfPages, type PdfRequest } from './pdf-pages';

/**
 * Image preparation for OCR with sharp (libvips), as docs/documents.md#image-preparation describes: EXIF
 * orientation, a working size (huge phone photos down, 150-dpi scans up), grey, contrast stretched. PDFs: the
 * first pages rendered with mupdf (pdf-pages.ts). Levelling comes after, from the page's rows of glyphs
 * (page-layout.ts); tesseract's rotateAuto is left for pages with too few rows to tell.
 */
// Every scan is different: libvips' operation cache would only hold memory (measured ~40 MB over 60 documents).
// One libvips thread: the time goes to OCR in the workers, and more threads only add resident memory (measured
// on 2 cores: same throughput, ~25 MB less at peak).
sharp.cache(false);
sharp.concurrency(1);

export type FileKind = 'png' | 'jpeg' | 'webp' | 'tiff' | 'gif' | 'bmp' | 'pdf';

export class UnreadableFile extends Error {
  constructor(
    readonly reason: 'unreadable' | 'unsupported_type',
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

/** By content, never by file name: a `.jpg` that is really a PNG is fine, a `.png` that is a zip is not. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 2) === 'BM') return 'bmp';
  if (ascii(0, 1024).includes('%PDF-')) return 'pdf';
  return null;
}

export interface PreparedPage {
  /**
   * Grey binary PGM (P5) at working size, for tesseract: leptonica reads it without inflating a PNG (measured:
   * ~7 % off the page pass, and no PNG to encode here).
   */
  image: Buffer;
  /** The same pixels without the PGM header (one byte each, row by row), for sharp's raw input. */
  pixels: Buffer;
  width: number;
  height: number;
  /** Resolution to tell tesseract as `user_defined_dpi`: phone JPEGs claim 72 dpi (docs/documents.md#image-preparation, step 4). */
  dpi: number;
}

/** A page from one-channel grey pixels, row by row. */
export function greyPage(pixels: Uint8Array, width: number, height: number, dpi: number): PreparedPage {
  const image = Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1'), pixels.subarray(0, width * height)]);
  return { image, pixels: image.subarray(image.length - width * height), width, height, dpi };
}

/** The page turned by `degrees` (clockwise positive, as sharp), on white paper; the canvas grows to hold it. */
export async function rotatedPage(page: PreparedPage, degrees: number): Promise<PreparedPage> {
  const { data, info } = await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 1 } })
    .rotate(degrees, { background: '#ffffff' })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return greyPage(data, info.width, info.height, page.dpi);
}

/** The page scaled by `scale` (its resolution with it). */
export async function scaledPage(page: PreparedPage, scale: number): Promise<PreparedPage> {
  const { data, info } = await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 1 } })
    .resize(Math.round(page.width * scale), Math.round(page.height * scale))
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return greyPage(data, info.width, info.height, Math.round(page.dpi * scale));
}

/** Above this the file is refused before decoding: 250 MP covers a 200-MP photo with margin. */
export const MAX_INPUT_PIXELS = 250_000_000;
/**
 * Working size: long side between these. 1400 px ≈ a TD3 page at 285 dpi; 1800 px ≈ A5 at 260 dpi, A4 at
 * 155 dpi (certificate print is large). Bigger pages only grow the OCR workers' heaps, which never shrink.
 */
const MIN_LONG_SIDE = 1400;
const MAX_LONG_SIDE = 1800;
const MAX_UPSCALE = 2;
/** PDFs: the first pages only (a passport scan is one page; a certificate has its fields on the first). */
export const MAX_PDF_PAGES = 2;
const PDF_RENDER_DPI = 200;

/**
 * The pages to read, prepared. `renderPdf` renders a PDF's pages (the verifier passes its analysis pool's, so
 * the rendering runs off the core's thread; by default here).
 */
export async function preparePages(bytes: Uint8Array, renderPdf: (request: PdfRequest) => Promise<PdfPages> = renderPdfPages): Promise<PreparedPage[]> {
  if (bytes.length === 0) throw new UnreadableFile('unreadable', 'The file is empty (0 bytes).');
  const kind = sniffFileKind(bytes);
  if (kind === null) {
    throw new UnreadableFile('unsupported_type', 'Unsupported file type: expected a JPEG, PNG, WebP, TIFF, GIF or BMP image, or a PDF.');
  }
  if (kind === 'pdf') {
    const rendered = await renderPdf({ bytes, dpi: PDF_RENDER_DPI, maxPages: MAX_PDF_PAGES, colour: 'grey' });
    if ('problem' in rendered) throw new UnreadableFile('unreadable', rendered.problem);
    return Promise.all(rendered.pages.map((page) => prepareImage(page, PDF_RENDER_DPI)));
  }
  return [await prepareImage(bytes, null)];
}

async function prepareImage(bytes: Uint8Array, knownDpi: number | null): Promise<PreparedPage> {
  const input = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const };
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, input).metadata();
  } catch (error) {
    throw new UnreadableFile('unreadable', `The image cannot be decoded (${describe(error)}).`);
  }
  const { width = 0, height = 0 } = metadata.autoOrient ?? metadata;
  if (width * height > MAX_INPUT_PIXELS) {
    throw new UnreadableFile('unreadable', `The image is ${Math.round((width * height) / 1e6)} megapixels; at most ${MAX_INPUT_PIXELS / 1e6} are read.`);
  }
  if (width < 50 || height < 50) throw new UnreadableFile('unreadable', `The image is only ${width}×${height} pixels: too small to read.`);
  const longSide = Math.max(width, height);
  const scale = longSide > MAX_LONG_SIDE ? MAX_LONG_SIDE / longSide : longSide < MIN_LONG_SIDE ? Math.min(MAX_UPSCALE, MIN_LONG_SIDE / longSide) : 1;
  const targetWidth = Math.round(width * scale);
  const targetHeight = Math.round(height * scale);
  try {
    // Decoded once to raw grey: sharp's normalise() finds its percentiles in extra passes over the pipeline, and
    // with the cache off each pass decodes the file again (measured: ~300 of ~390 ms per page on 2 busy cores).
    const { data } = await sharp(bytes, input)
      .autoOrient()
      .resize(targetWidth, targetHeight, { kernel: scale > 1 ? 'cubic' : 'lanczos3' })
      .flatten({ background: '#ffffff' })
      // One channel: sharp's greyscale() alone keeps three identical ones (3× the bytes for tesseract to decode).
      .greyscale()
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    stretchContrast(data);
    const density = knownDpi ?? metadata.density;
    const dpi = density && density >= 100 ? Math.round(density * scale) : 300;
    return greyPage(data, targetWidth, targetHeight, Math.min(600, Math.max(70, dpi)));
  } catch (error) {
    throw new UnreadableFile('unreadable', `The image cannot be decoded (${describe(error)}).`);
  }
}

/** Percentiles of the grey levels that become black and white: as sharp's normalise() defaults (1 % and 99 %). */
const STRETCH_LOWER = 0.01;
const STRETCH_UPPER = 0.99;

/**
 * Stretches one-channel grey pixels in place so that the darkest 1 % become 0 and the lightest 1 % 255, linearly
 * between: faint scans and shaded photos get full contrast before tesseract binarises them (Tesseract's
 * guidance "Improving the quality of the output"; docs/documents.md#image-preparation). A flat image is left as it
 * is.
 */
export function stretchContrast(pixels: Uint8Array): void {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < pixels.length; i += 1) histogram[pixels[i]!]! += 1;
  // Count from each end, so the same share of pixels is clipped at both.
  const clipped = (from: number, step: number, share: number) => {
    let seen = 0;
    for (let value = from; value >= 0 && value < 256; value += step) {
      seen += histogram[value]!;
      if (seen > share * pixels.length) return value;
    }
    return from;
  };
  const low = clipped(0, 1, STRETCH_LOWER);
  const high = clipped(255, -1, 1 - STRETCH_UPPER);
  if (high <= low) return;
  const table = new Uint8Array(256);
  for (let value = 0; value < 256; value += 1) table[value] = Math.round((255 * Math.min(Math.max(value - low, 0), high - low)) / (high - low));
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = table[pixels[i]!]!;
}

const describe = firstLine;
