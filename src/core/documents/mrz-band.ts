import sharp from 'sharp';
import type { OcrLine } from '../../engine/documents';
import type { Rectangle } from './ocr-engine';
import type { PreparedPage } from './prepare';

/**
 * Image work for the MRZ passes (sharp): the band cut out of the page and deskewed, and a "spaced" copy of
 * its lines with every character in its own cell.
 */
export interface Band {
  image: Buffer;
  width: number;
  height: number;
}

/**
 * The MRZ rectangle of the page pass, deskewed. Tesseract reports boxes in its own rotated frame (same size as
 * the page, rotated about the centre); sharp's rotate grows the canvas around the centre, so a box moves by
 * half the growth. Measured: rotating by +angle (degrees of tesseract's `rotateRadians`) levels the lines.
 */
export async function deskewedBand(page: PreparedPage, rectangle: Rectangle, rotateRadians: number): Promise<Band> {
  const degrees = (rotateRadians * 180) / Math.PI;
  let image = page.image;
  let dx = 0;
  let dy = 0;
  if (Math.abs(degrees) >= 0.05) {
    const rotated = await sharp(page.image).rotate(degrees, { background: '#ffffff' }).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
    image = rotated.data;
    dx = (rotated.info.width - page.width) / 2;
    dy = (rotated.info.height - page.height) / 2;
  }
  const { width = 0, height = 0 } = await sharp(image).metadata();
  const left = Math.max(0, Math.round(rectangle.left + dx));
  const top = Math.max(0, Math.round(rectangle.top + dy));
  const bandWidth = Math.min(width - left, rectangle.width);
  const bandHeight = Math.min(height - top, rectangle.height);
  const band = await sharp(image).extract({ left, top, width: bandWidth, height: bandHeight }).png({ compressionLevel: 1 }).toBuffer();
  return { image: band, width: bandWidth, height: bandHeight };
}

export async function scaledBand(band: Band, scale: number): Promise<Band> {
  if (scale === 1) return band;
  const width = Math.round(band.width * scale);
  const image = await sharp(band.image).resize(width).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  return { image: image.data, width: image.info.width, height: image.info.height };
}

/**
 * Every character of the lines in a slot of its own, on a fixed pitch. The legacy engine judges a character
 * by its neighbours within a word (measured: it reads `5`/`0`/`2` as `S`/`O`/`Z` beside letters), and it
 * cannot when each character stands alone. Positions follow the symbols of an earlier reading of the band.
 */
export async function spacedLines(band: Band, lines: Array<OcrLine & { bbox: Rectangle }>): Promise<Band | null> {
  const symbols = lines.map((line) => line.symbols.filter((s) => s.text.trim().length > 0 && s.x1 > s.x0));
  const widest = Math.max(0, ...symbols.flat().map((s) => s.x1 - s.x0));
  if (widest === 0) return null;
  const { data: pixels } = await sharp(band.image).greyscale().raw().toBuffer({ resolveWithObject: true });
  const lineHeight = Math.max(...lines.map((l) => l.bbox.height)) + 12;
  const slot = widest + 6 + lineHeight;
  const width = 40 + slot * Math.max(...symbols.map((row) => row.length));
  const height = 40 + lines.length * (lineHeight + 30);
  const canvas = Buffer.alloc(width * height, 255);
  for (const [row, line] of lines.entries()) {
    const top = Math.max(0, line.bbox.top - 6);
    const rows = Math.min(band.height - top, lineHeight);
    for (const [index, symbol] of symbols[row]!.entries()) {
      const left = Math.max(0, symbol.x0 - 3);
      const cellWidth = Math.min(band.width - left, symbol.x1 - symbol.x0 + 6);
      const x = 20 + index * slot + Math.round((slot - cellWidth) / 2);
      const y = 20 + row * (lineHeight + 30);
      for (let r = 0; r < rows; r += 1) {
        const from = (top + r) * band.width + left;
        pixels.copy(canvas, (y + r) * width + x, from, from + cellWidth);
      }
    }
  }
  const image = await sharp(canvas, { raw: { width, height, channels: 1 } }).png({ compressionLevel: 1 }).toBuffer();
  return { image, width, height };
}
