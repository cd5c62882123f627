import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inThisThread } from '../../../src/core/documents/analysis-pool';
import { analysePage as analyse, type PageLayout } from '../../../src/core/documents/page-layout';
import { preparePages, type PreparedPage } from '../../../src/core/documents/prepare';
import { pageRows, textSkew } from '../../../src/engine/documents';
import { AS_OF } from '../../fixtures/documents/corpus';
import { documentCases } from '../../fixtures/documents/cases';
import { labelledSvg, passportSvg } from '../../fixtures/documents/templates';
import { applyVariant, type Variant } from '../../fixtures/documents/variants';

/**
 * A passport's MRZ found and read before OCR, and pages levelled by their own text rows: on fixture pages
 * rendered here (sharp only, no OCR; a second or two each).
 */
const passport = documentCases(AS_OF).find((c) => c.id === 'passport-valid-1')!;
const certificate = documentCases(AS_OF).find((c) => c.type === 'stcw_certificate' && !c.shouldFlag)!;

async function page(svg: string, variant: Variant): Promise<PreparedPage> {
  const rendered = await applyVariant(await sharp(Buffer.from(svg)).png().toBuffer(), variant, 5);
  return (await preparePages(rendered.bytes))[0]!;
}

async function rotatedPage(svg: string, degrees: number): Promise<PreparedPage> {
  const bytes = await sharp(Buffer.from(svg)).rotate(degrees, { background: '#ffffff' }).png().withMetadata({ density: 300 }).toBuffer();
  return (await preparePages(bytes))[0]!;
}

const skewDegrees = (p: PreparedPage) => (Math.atan(textSkew(pageRows({ width: p.width, height: p.height, pixels: p.pixels }).rows) ?? NaN) * 180) / Math.PI;
const text = async (layout: PageLayout) => (await layout.mrz?.read())?.lines.map((cells) => cells.map((cell) => cell.char).join(''));
/** The layout alone, its arithmetic in this thread (the verifier's pool is tested in analysis-pool.test.ts). */
const analysePage = (page: PreparedPage, options?: { readMrz?: boolean }) => analyse(page, inThisThread, options);

describe("a passport's MRZ found before OCR", () => {
  it('reads the MRZ and leaves the visual zone above it to the page pass', async () => {
    const clean = await page(passportSvg(passport.passport!), 'clean');
    const layout = await analysePage(clean);
    expect(await text(layout)).toEqual(passport.mrz);
    expect(layout.page).toBe(clean);
    expect(layout.mrz!.pagePass.width).toBe(clean.width);
    expect(layout.mrz!.pagePass.height).toBeLessThan(clean.height * 0.85);
  });

  it('levels a page turned by a few degrees before reading it', async () => {
    const turned = await rotatedPage(passportSvg(passport.passport!), 3);
    expect(skewDegrees(turned)).toBeCloseTo(3, 0);
    const layout = await analysePage(turned);
    expect(await text(layout)).toEqual(passport.mrz);
    expect(Math.abs(skewDegrees(layout.page))).toBeLessThan(0.3);
    expect(Math.abs(skewDegrees(layout.mrz!.pagePass))).toBeLessThan(0.3);
  });

  it('hands a grainy page to the page pass whole', async () => {
    const noisy = await page(passportSvg(passport.passport!), 'noisy');
    const layout = await analysePage(noisy);
    expect(await text(layout)).toEqual(passport.mrz);
    expect(layout.mrz!.pagePass.height).toBe(noisy.height);
  });

  it('finds no MRZ on a certificate, nor when told not to look', async () => {
    expect((await analysePage(await page(labelledSvg(certificate.labelled!).svg, 'clean'))).mrz).toBeNull();
    expect((await analysePage(await page(passportSvg(passport.passport!), 'clean'), { readMrz: false })).mrz).toBeNull();
  });
});

describe('pages levelled by their text rows', () => {
  it('measures the tilt of printed text and turns the page level', async () => {
    const turned = await rotatedPage(labelledSvg(certificate.labelled!).svg, -2.5);
    expect(skewDegrees(turned)).toBeCloseTo(-2.5, 0);
    const layout = await analysePage(turned);
    expect(layout.levelled).toBe(true);
    expect(Math.abs(skewDegrees(layout.page))).toBeLessThan(0.3);
  });

  it('leaves a level page as it is, and gives up on a page without text rows', async () => {
    const level = await page(labelledSvg(certificate.labelled!).svg, 'clean');
    const levelLayout = await analysePage(level);
    expect(levelLayout.page).toBe(level);
    expect(levelLayout.levelled).toBe(true);
    const blank = (await preparePages(await sharp({ create: { width: 900, height: 600, channels: 3, background: '#f4f4f4' } }).png().toBuffer()))[0]!;
    const blankLayout = await analysePage(blank);
    expect(blankLayout.page).toBe(blank);
    expect([blankLayout.levelled, blankLayout.mrz]).toEqual([false, null]);
  });
});
