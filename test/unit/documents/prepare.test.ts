import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { preparePages, sniffFileKind, stretchContrast, UnreadableFile } from '../../../src/core/documents/prepare';

describe('image preparation', () => {
  it('knows files by content, not name', async () => {
    const png = await sharp({ create: { width: 60, height: 60, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(sniffFileKind(png)).toBe('png');
    expect(sniffFileKind(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFileKind(Buffer.from('PK\u0003\u0004'))).toBeNull();
  });

  it('refuses empty, unsupported and undecodable files with the reason', async () => {
    await expect(preparePages(new Uint8Array())).rejects.toMatchObject({ reason: 'unreadable', message: 'The file is empty (0 bytes).' });
    await expect(preparePages(Buffer.from('hello world'))).rejects.toMatchObject({ reason: 'unsupported_type' });
    await expect(preparePages(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 1, 2, 3]))).rejects.toBeInstanceOf(UnreadableFile);
  });

  it('turns by EXIF orientation, greys, and brings small scans up and big photos down', async () => {
    const sideways = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#c0a080' } }).jpeg().withMetadata({ orientation: 6, density: 150 }).toBuffer();
    const [page] = await preparePages(sideways);
    expect([page!.width, page!.height]).toEqual([875, 1400]);
    expect(page!.dpi).toBe(263);
    expect(page!.pixels.length).toBe(875 * 1400);
    expect(page!.image.subarray(0, 16).toString('latin1')).toBe('P5\n875 1400\n255\n');
    const big = await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    const [small] = await preparePages(big);
    expect([small!.width, small!.height]).toEqual([1800, 1200]);
  });
});

describe('contrast stretch', () => {
  it('maps the darkest and lightest percent to black and white, linearly between', () => {
    // 1000 pixels: 1 % at 10, 98 % spread over 60…157, 1 % at 250 — the two outer percents are clipped.
    const spread = Array.from({ length: 980 }, (_, i) => 60 + Math.floor(i / 10));
    const pixels = Uint8Array.from([...new Array<number>(10).fill(10), ...spread, ...new Array<number>(10).fill(250)]);
    stretchContrast(pixels);
    expect(pixels[0]).toBe(0);
    expect(pixels[10]).toBe(0);
    expect(pixels[989]).toBe(255);
    expect(pixels[999]).toBe(255);
    expect(pixels[500]).toBe(Math.round((255 * (109 - 60)) / (157 - 60)));
  });

  it('leaves a flat image alone', () => {
    const pixels = new Uint8Array(50).fill(200);
    stretchContrast(pixels);
    expect([...new Set(pixels)]).toEqual([200]);
  });

  it('gives one grey byte per pixel for a transparent PNG, its transparent parts white', async () => {
    const png = await sharp({ create: { width: 1400, height: 900, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: { create: { width: 200, height: 100, channels: 4, background: '#000f' } }, left: 100, top: 100 }])
      .png()
      .toBuffer();
    const [page] = await preparePages(png);
    expect(page!.pixels.length).toBe(page!.width * page!.height);
    expect(page!.pixels[0]).toBe(255);
    expect(page!.pixels[150 * page!.width + 200]).toBe(0);
  });
});
