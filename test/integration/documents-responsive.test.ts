import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AnalysisPool, inThisThread } from '../../src/core/documents/analysis-pool';
import { analysePage } from '../../src/core/documents/page-layout';
import { preparePages, scaledPage } from '../../src/core/documents/prepare';
import { startHttpTransport, type HttpTransport } from '../../src/core/transports/http';
import type { GreyImage } from '../../src/engine/documents';
import * as inkRows from '../../src/engine/documents/ink-rows';
import * as glyphCheck from '../../src/engine/documents/mrz-glyph-check';
import * as segmentation from '../../src/engine/documents/mrz-segmentation';
import * as templates from '../../src/engine/documents/mrz-template-reader';
import * as pdf from '../../src/core/documents/pdf-pages';
import { pdfOf } from '../fixtures/documents/corpus';
import { documentImage, PASSPORT_HOLDER } from '../helpers/document-images';
import { tempCore } from '../helpers/temp-core';

/**
 * Issue 10 #24: the page layout analysis, MRZ segmentation and template reading run in the analysis pool, so
 * the core's thread is free to answer API requests while a document is read. Where the work runs is checked
 * exactly (the engine's functions are watched in this thread; the pool's threads load their own copies); how
 * long the thread is held is a benchmark figure (`npm run bench -- documents.bench`), too noisy here for a bound.
 */
describe('the core answers while a document is analysed', () => {
  const core = tempCore();
  let http: HttpTransport;
  let passport: Buffer;
  let certificate: Buffer;
  /** The page at twice its working size: a measurement that takes long enough to watch. */
  let bigPage: GreyImage;

  const grey = (page: { width: number; height: number; pixels: Uint8Array }): GreyImage => ({ width: page.width, height: page.height, pixels: page.pixels });

  beforeAll(async () => {
    http = await startHttpTransport({ dispatch: core.dispatch, events: core.events });
    passport = await documentImage('passport-valid-1');
    certificate = await documentImage('stcw-pst-valid');
    const [page] = await preparePages(passport);
    bigPage = grey(await scaledPage(page!, 2));
    // Workers warm: the first document pays for starting them.
    await core.call('documents.verify', { fileName: 'warm-up.png', contentBase64: passport.toString('base64') });
  }, 180_000);

  afterAll(async () => {
    await http?.close();
    await core.dispose();
  });

  /** An API request over HTTP, as the window sends it; resolves with the time it was answered. */
  const ask = async () => {
    const response = await fetch(new URL('api/system.info', http.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.ok).toBe(true);
    await response.json();
    return performance.now();
  };

  it('none of the page analysis runs on the core’s thread while documents are verified', async () => {
    const spies = [
      vi.spyOn(inkRows, 'pageRows'),
      vi.spyOn(segmentation, 'segmentMrz'),
      vi.spyOn(templates, 'readSegmentedMrz'),
      vi.spyOn(glyphCheck, 'compareMrzCells'),
      vi.spyOn(pdf, 'renderPdfPages'),
    ];
    try {
      const scan = await pdfOf(passport);
      const [passportResult, certificateResult, pdfResult] = await Promise.all([
        core.call('documents.verify', { fileName: 'passport.png', contentBase64: passport.toString('base64'), person: PASSPORT_HOLDER, asOf: '2026-11-22' }),
        core.call('documents.verify', { fileName: 'certificate.png', contentBase64: certificate.toString('base64') }),
        core.call('documents.verify', { fileName: 'passport.pdf', contentBase64: scan.toString('base64'), person: PASSPORT_HOLDER, asOf: '2026-11-22' }),
      ]);
      expect(passportResult).toMatchObject({ status: 'verified', type: 'passport' });
      expect(certificateResult.type).toBe('stcw_certificate');
      expect(pdfResult).toMatchObject({ type: 'passport', mrz: passportResult.mrz });
      expect(spies.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0, 0, 0]);
      // The spies do see this thread: the same analysis run here is counted (as it was before the pool).
      const [page] = await preparePages(scan);
      await (await analysePage(page!, inThisThread)).mrz!.read();
      expect(spies.map((spy) => spy.mock.calls.length)).toEqual([1, 1, 1, 0, 1]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  }, 120_000);

  it('an API request over HTTP is answered while the pool analyses a page', async () => {
    const pool = new AnalysisPool({ maxThreads: 1 });
    try {
      await pool.run({ kind: 'measure', image: bigPage, findMrz: true }); // the thread started
      const started = performance.now();
      const analysing = pool.run({ kind: 'measure', image: bigPage, findMrz: true }).then(() => performance.now());
      const [answered, analysed] = await Promise.all([ask(), analysing]);
      console.log(`a page twice the working size measured in the pool in ${(analysed - started).toFixed(0)} ms; the request was answered after ${(answered - started).toFixed(0)} ms`);
      expect(answered).toBeLessThan(analysed);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
