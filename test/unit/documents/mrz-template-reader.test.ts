import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkMrzShapes, composeTd3, readSegmentedMrz, segmentMrz, SHAPE_MIN_MARGIN, templateLines, type GreyImage, type TemplateReading } from '../../../src/engine/documents';

/**
 * The OCR-B reader of the MRZ on bands rendered here with Debian's fonts-ocr-b (as the fixture corpus prints
 * passports: 30 px pitch at 300 dpi), without OCR: a few milliseconds each.
 */
const GENUINE = composeTd3({
  issuingState: 'NOR',
  surname: 'OLSTAD',
  givenNames: 'BJOERN',
  documentNumber: 'O0B8S5Z21',
  nationality: 'NOR',
  birthDate: '900614',
  sex: 'M',
  expiryDate: '300101',
});

async function band(lines: readonly string[], options: { tilt?: number; shade?: boolean; scale?: number } = {}): Promise<GreyImage> {
  const escape = (text: string) => text.replace(/</g, '&lt;');
  const text = lines
    .map((line, i) => `<text x="40" y="${70 + i * 80}" font-family="OCR B" font-size="41" textLength="${44 * 30 - 8}" lengthAdjust="spacing" xml:space="preserve">${escape(line)}</text>`)
    .join('');
  const shade = options.shade ? '<linearGradient id="g"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#9a9a9a"/></linearGradient>' : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1420" height="${lines.length * 80 + 60}"><defs>${shade}</defs><rect width="100%" height="100%" fill="${options.shade ? 'url(#g)' : '#fff'}"/><g transform="rotate(${options.tilt ?? 0} 700 100)">${text}</g></svg>`;
  let image = sharp(Buffer.from(svg)).greyscale();
  if (options.scale) image = sharp(await image.png().toBuffer()).resize({ width: Math.round(1420 * options.scale) });
  const { data, info } = await image.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, pixels: new Uint8Array(data) };
}

async function read(lines: readonly string[], options?: Parameters<typeof band>[1]): Promise<TemplateReading> {
  const segmented = segmentMrz(await band(lines, options));
  if (!segmented) throw new Error('the band was not segmented');
  return readSegmentedMrz(segmented);
}

const text = (reading: TemplateReading) => reading.lines.map((cells) => cells.map((cell) => cell.char).join(''));

describe('MRZ segmentation', () => {
  it('finds the 2 × 44 cells of a printed MRZ', async () => {
    const segmented = segmentMrz(await band(GENUINE))!;
    expect(segmented.lines.map((cells) => cells.length)).toEqual([44, 44]);
    expect(segmented.pitch).toBeCloseTo(30, 0);
  });

  it('takes the bottom two rows when text above the MRZ reaches into the band', async () => {
    const above = 'DATE OF EXPIRY 01 JAN 2030 AUTHORITY OSLO POLICE DISTRICT NORWAY';
    expect(text(await read([above, ...GENUINE]))).toEqual(GENUINE);
  });

  it('gives nothing for a band without two rows of 44 glyphs', async () => {
    expect(segmentMrz(await band([GENUINE[0]]))).toBeNull();
    expect(segmentMrz(await band([GENUINE[0], GENUINE[1].slice(0, 30)]))).toBeNull();
    expect(segmentMrz({ width: 400, height: 100, pixels: new Uint8Array(40_000).fill(235) })).toBeNull();
  });
});

describe('OCR-B template reader', () => {
  it('reads every character of a genuine MRZ, look-alikes included (0/O, 8/B, 5/S, 2/Z)', async () => {
    const reading = await read(GENUINE);
    expect(text(reading)).toEqual(GENUINE);
    expect(Math.min(...reading.lines.flat().map((cell) => cell.margin))).toBeGreaterThan(SHAPE_MIN_MARGIN);
  });

  it('reads a tilted line, shaded paper and a half-size scan', async () => {
    expect(text(await read(GENUINE, { tilt: 0.8 }))).toEqual(GENUINE);
    expect(text(await read(GENUINE, { shade: true }))).toEqual(GENUINE);
    expect(text(await read(GENUINE, { scale: 0.5 }))).toEqual(GENUINE);
  });

  it('reads a look-alike letter printed in a date as the letter, not the digit it imitates', async () => {
    const forged: [string, string] = [GENUINE[0], `${GENUINE[1].slice(0, 13)}9O0614${GENUINE[1].slice(19)}`];
    expect(text(await read(forged))[1]).toBe(forged[1]);
  });

  it('hands the parser two 44-character lines with a symbol per cell', async () => {
    const lines = templateLines(await read(GENUINE));
    expect(lines.map((line) => line.text)).toEqual(GENUINE);
    expect(lines[1]!.symbols).toHaveLength(44);
    expect(lines[1]!.confidence).toBeGreaterThan(0.5);
  });
});

describe('MRZ shape check', () => {
  const cell = (char: string, margin: number) => ({ char, runnerUp: char === '0' ? 'O' : '8', margin, x: 0 });
  const reading = (margins: Record<number, number>): TemplateReading => ({
    lines: [Array.from({ length: 44 }, () => cell('<', 0.3)), Array.from({ length: 44 }, (_, column) => cell('0', margins[column] ?? 0.2))],
  });

  it('passes when every cell matches one character clearly, naming the closest call', () => {
    const outcome = checkMrzShapes(reading({ 14: 0.05 }));
    expect(outcome.check.ok).toBe(true);
    expect(outcome.check.message).toContain('line 2 col 15, 0 over O by 0.05');
  });

  it('sends the document to review when a cell could be read either way', () => {
    const outcome = checkMrzShapes(reading({ 14: SHAPE_MIN_MARGIN / 2 }));
    expect(outcome.check.ok).toBe(false);
    expect(outcome.severity).toBe('review');
    expect(outcome.reason).toBe('low_confidence');
    expect(outcome.check.message).toContain('line 2 col 15: 0 or O');
  });
});
