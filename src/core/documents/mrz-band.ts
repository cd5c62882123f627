import sharp from 'sharp';
import type { Rectangle } from './ocr-engine';
import type { PreparedPage } from './prepare';

/**
 * Image work for the MRZ passes (sharp): the band cut out of the page, deskewed, and scaled.
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
