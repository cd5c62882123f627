import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { preparePages, sniffFileKind, UnreadableFile } from '../../../src/core/documents/prepare';

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
    expect((await sharp(page!.image).metadata()).channels).toBe(1);
    const big = await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#fff' } }).jpeg().toBuffer();
    const [small] = await preparePages(big);
    expect([small!.width, small!.height]).toEqual([1800, 1200]);
  });
});
