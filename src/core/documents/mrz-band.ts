import sharp from 'sharp';
import type { GreyImage } from '../../engine/documents';
import type { Rectangle } from './ocr-engine';
import { rotatedPage, type PreparedPage } from './prepare';

/**
 * Image work for the MRZ passes (sharp): the band cut out of the page, deskewed, and scaled.
 */
export interface Band {
  image: Buffer;
  width: number;
  height: number;
}

/**
 * The MRZ rectangle of the page pass, deskewed, as grey pixels. Tesseract reports boxes in its own rotated frame
 * (same size as the page, rotated about the centre); sharp's rotate grows the canvas around the centre, so a
 * box moves by half the growth. Measured: rotating by +angle (degrees of tesseract's `rotateRadians`) levels
 * the lines.
 */
export async function deskewedGrey(page: PreparedPage, rectangle: Rectangle, rotateRadians: number): Promise<GreyImage> {
  const degrees = (rotateRadians * 180) / Math.PI;
  const { pixels: image, width, height } = Math.abs(degrees) >= 0.05 ? await rotatedPage(page, degrees) : page;
  const dx = (width - page.width) / 2;
  const dy = (height - page.height) / 2;
  const left = Math.max(0, Math.round(rectangle.left + dx));
  const top = Math.max(0, Math.round(rectangle.top + dy));
  const bandWidth = Math.min(width - left, rectangle.width);
  const bandHeight = Math.min(height - top, rectangle.height);
  const band = await sharp(image, { raw: { width, height, channels: 1 } })
    .extract({ left, top, width: bandWidth, height: bandHeight })
    .extractChannel(0)
    .raw()
    .toBuffer();
  return { width: bandWidth, height: bandHeight, pixels: new Uint8Array(band.buffer, band.byteOffset, band.length) };
}

/** The deskewed band as a PNG for tesseract's MRZ pass (the fallback when the OCR-B reader cannot cut the grid). */
export async function bandPng(grey: GreyImage): Promise<Band> {
  const image = await sharp(grey.pixels, { raw: { width: grey.width, height: grey.height, channels: 1 } })
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { image, width: grey.width, height: grey.height };
}

export async function scaledBand(band: Band, scale: number): Promise<Band> {
  if (scale === 1) return band;
  const width = Math.round(band.width * scale);
  const image = await sharp(band.image).resize(width).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  return { image: image.data, width: image.info.width, height: image.info.height };
}
