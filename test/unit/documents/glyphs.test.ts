import { describe, expect, it } from 'vitest';
import { checkMrzGlyphs, GLYPH_MARGIN, gridCentres, normaliseGlyph, scoreGlyph, type GreyImage } from '../../../src/engine/documents';
import { decodedTemplates, GLYPH_CAP_HEIGHT, GLYPH_HEIGHT, GLYPH_WIDTH } from '../../../src/engine/documents/glyphs';
import { seededRandom } from '../../../src/engine/random';

/**
 * A template printed back as a scan: scaled up to `capHeight` (bilinear), ink on paper, then gaussian-ish noise
 * and a box blur, seeded. What the matcher sees in a real MRZ cell is at least this far from the template.
 */
function scanOf(char: string, { capHeight = 30, noise = 0, blur = false, seed = 1 } = {}): GreyImage {
  const template = decodedTemplates()[char]!;
  const scale = capHeight / GLYPH_CAP_HEIGHT;
  const width = Math.round(GLYPH_WIDTH * scale);
  const height = Math.round(GLYPH_HEIGHT * scale);
  const ink = (u: number, v: number) => (u < 0 || v < 0 || u >= GLYPH_WIDTH || v >= GLYPH_HEIGHT ? 0 : template[v * GLYPH_WIDTH + u]!);
  const rand = seededRandom(seed);
  let pixels = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [u, v] = [(x + 0.5) / scale - 0.5, (y + 0.5) / scale - 0.5];
      const [u0, v0] = [Math.floor(u), Math.floor(v)];
      const [fu, fv] = [u - u0, v - v0];
      const darkness = ink(u0, v0) * (1 - fu) * (1 - fv) + ink(u0 + 1, v0) * fu * (1 - fv) + ink(u0, v0 + 1) * (1 - fu) * fv + ink(u0 + 1, v0 + 1) * fu * fv;
      pixels[y * width + x] = 250 - 230 * darkness + (rand() + rand() + rand() - 1.5) * noise;
    }
  }
  if (blur) {
    const blurred = new Float32Array(pixels.length);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        let [sum, n] = [0, 0];
        for (let dy = -1; dy <= 1; dy += 1) for (let dx = -1; dx <= 1; dx += 1) if (x + dx >= 0 && y + dy >= 0 && x + dx < width && y + dy < height) [sum, n] = [sum + pixels[(y + dy) * width + x + dx]!, n + 1];
        blurred[y * width + x] = sum / n;
      }
    }
    pixels = blurred;
  }
  return { width, height, pixels: Uint8Array.from(pixels, (p) => Math.max(0, Math.min(255, Math.round(p)))) };
}

function scores(image: GreyImage, capHeight: number) {
  const glyph = normaliseGlyph(image, capHeight);
  if (!glyph) throw new Error('blank glyph');
  return scoreGlyph(glyph);
}

const MRZ_CHARACTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'];

describe('OCR-B glyph matcher', () => {
  it('recognises every template printed back at scan size with noise and blur', () => {
    for (const char of MRZ_CHARACTERS) {
      expect(scores(scanOf(char, { noise: 40, blur: true, seed: char.charCodeAt(0) }), 30).best, char).toBe(char);
    }
  });

  it('tells OCR-B look-alikes apart (O is not 0, B is not 8, …)', () => {
    // Printed back from the 26×32 templates themselves, which blurs them: the real forgeries rendered at scan
    // size beat the digit by ~0.3 (docs/documents.md#ocr-fallback-for-the-mrz), above GLYPH_MARGIN; the integration test checks the rule there.
    const pairs = [['O', '0'], ['0', 'O'], ['B', '8'], ['8', 'B'], ['I', '1'], ['S', '5'], ['Z', '2'], ['G', '6'], ['D', '0'], ['W', 'H'], ['3', 'S']] as const;
    for (const [printed, misread] of pairs) {
      const { scores: s } = scores(scanOf(printed, { noise: 10, seed: 7 }), 30);
      expect(s[printed]! - s[misread]!, `${printed} against ${misread}`).toBeGreaterThan(0.1);
    }
  });

  it('reads at other sizes than the templates (150-dpi-like and large scans)', () => {
    expect(scores(scanOf('O', { capHeight: 20, blur: true }), 20).best).toBe('O');
    expect(scores(scanOf('0', { capHeight: 44, noise: 20 }), 44).best).toBe('0');
  });

  it('gives nothing for a blank cell', () => {
    expect(normaliseGlyph({ width: 20, height: 30, pixels: new Uint8Array(600).fill(240) }, 30)).toBeNull();
  });
});

describe('MRZ glyph check', () => {
  it('passes when no other template matches clearly better', () => {
    const outcome = checkMrzGlyphs([{ line: 1, column: 14, read: '0', seen: 'O', margin: GLYPH_MARGIN / 2 }]);
    expect(outcome.check.ok).toBe(true);
  });

  it('sends a letter seen in a date to review as a format failure, naming the cell', () => {
    const outcome = checkMrzGlyphs([{ line: 1, column: 14, read: '0', seen: 'O', margin: GLYPH_MARGIN + 0.05 }]);
    expect(outcome).toMatchObject({ check: { id: 'mrz_glyphs', ok: false }, reason: 'mrz_format', severity: 'review' });
    expect(outcome.check.message).toContain('line 2 col 15: read 0, looks like O');
  });

  it('sends another doubtful cell (a letter in the document number) to review as low confidence', () => {
    const outcome = checkMrzGlyphs([{ line: 1, column: 3, read: 'H', seen: 'W', margin: GLYPH_MARGIN + 0.05 }]);
    expect(outcome).toMatchObject({ check: { ok: false }, reason: 'low_confidence', severity: 'review' });
  });
});

describe('grid centres', () => {
  it("keeps each symbol's own centre and places a lost one on the line fitted through the others", () => {
    const jitter = (cell: number) => (cell % 3) - 1;
    const symbols = Array.from({ length: 44 }, (_, cell) => ({ text: 'A', confidence: 0.9, x0: 90 + cell * 30 + jitter(cell), x1: 110 + cell * 30 + jitter(cell) }));
    symbols.splice(20, 1);
    const centres = gridCentres({ text: '', confidence: 0.9, symbols }, 30);
    expect(centres).toHaveLength(44);
    expect(centres[0]).toBe(99);
    expect(centres[43]).toBe(100 + 43 * 30);
    expect(Math.abs(centres[20]! - (100 + 20 * 30))).toBeLessThan(1);
  });
});
