import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import type { OcrLine } from '../../engine/documents';
import { WorkerPool } from './worker-pool';

/**
 * tesseract.js, fully offline (docs/documents.md#page-text, docs/documents.md#workers-and-memory): language data
 * from `@tesseract.js-data/eng` in node_modules, never the CDN, and `cacheMethod: 'none'` so nothing is written to
 * the working directory.
 *
 * Two kinds of worker, because no single engine reads both well (measured on the fixture corpus):
 * - text workers: LSTM (OEM 1) on `4.0.0_best_int`, PSM 6, for the page (type, labelled fields, and where the
 *   MRZ lies when it was not found before OCR); `rotateAuto` deskews pages with too few rows to level
 *   (page-layout.ts). LSTM misreads the MRZ filler `<` as K/L, so it never reads the MRZ itself;
 * - MRZ workers: the legacy engine (OEM 0, `legacyCore`/`legacyLang`, the `4.0.0` data) with the MRZ whitelist
 *   and no dictionaries or adaptive learning, on the MRZ rectangle only, for the MRZs the OCR-B template reader
 *   cannot cut into its grid (mrz-segmentation.ts): it reads `<` reliably. Started on first need.
 * One worker per core in all. Each worker's WASM heap settles at ~150–250 MB (measured), which on 2 cores
 * (1 + 1) keeps the process near the 600 MB target of issue 4; a third worker would not.
 */
const resolver = createRequire(import.meta.url);
// Packaged, the data is asarUnpacked (electron-builder.yml): worker threads cannot read inside app.asar.
const dataDir = dirname(resolver.resolve('@tesseract.js-data/eng')).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
/** LSTM-only integer model: what tesseract.js itself loads for OEM 1, not the package's default `4.0.0` (docs/documents.md#page-text). */
const LSTM_LANG_PATH = join(dataDir, '4.0.0_best_int');
/** Legacy + LSTM model: the only data with the legacy engine's templates. */
const LEGACY_LANG_PATH = join(dataDir, '4.0.0');

export const MRZ_WHITELIST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

export interface OcrEngineOptions {
  textWorkers?: number;
  mrzWorkers?: number;
  /** Jobs a worker runs before it is replaced: heaps only grow and workers drift (docs/documents.md#workers-and-memory). */
  recycleAfter?: number;
}

export interface Rectangle {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface TextPass {
  text: string;
  confidence: number;
  lines: Array<OcrLine & { bbox: Rectangle }>;
  rotateRadians: number;
}

type Worker = Tesseract.Worker;

async function createTextWorker(): Promise<Worker> {
  const worker = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, { langPath: LSTM_LANG_PATH, cacheMethod: 'none', gzip: true });
  await worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK, preserve_interword_spaces: '1' });
  return worker;
}

async function createMrzWorker(): Promise<Worker> {
  const worker = await Tesseract.createWorker(
    'eng',
    Tesseract.OEM.TESSERACT_ONLY,
    { langPath: LEGACY_LANG_PATH, cacheMethod: 'none', gzip: true, legacyCore: true, legacyLang: true },
    // An MRZ is not dictionary text (docs/documents.md#ocr-fallback-for-the-mrz); tesseract reads these two only at init.
    { load_system_dawg: '0', load_freq_dawg: '0' },
  );
  await worker.setParameters({
    tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK,
    tessedit_char_whitelist: MRZ_WHITELIST,
    // The adaptive classifier learns from earlier pages: switch it off so a reading never depends on job order.
    classify_enable_learning: '0',
  });
  return worker;
}

function toLines(page: Tesseract.Page): Array<OcrLine & { bbox: Rectangle }> {
  const lines: Array<OcrLine & { bbox: Rectangle }> = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        lines.push({
          text: line.text.replace(/\n$/, ''),
          confidence: line.confidence / 100,
          symbols: line.words.flatMap((word) =>
            word.symbols.map((symbol) => ({ text: symbol.text, confidence: symbol.confidence / 100, x0: symbol.bbox.x0, x1: symbol.bbox.x1 })),
          ),
          bbox: { left: line.bbox.x0, top: line.bbox.y0, width: line.bbox.x1 - line.bbox.x0, height: line.bbox.y1 - line.bbox.y0 },
        });
      }
    }
  }
  return lines;
}

export class OcrEngine {
  readonly text: WorkerPool<Worker>;
  readonly mrz: WorkerPool<Worker>;

  constructor(options: OcrEngineOptions = {}) {
    const cores = availableParallelism();
    const recycleAfter = options.recycleAfter ?? 200;
    const destroy = async (worker: Worker) => {
      await worker.terminate();
    };
    const mrzWorkers = options.mrzWorkers ?? Math.max(1, Math.floor(cores / 4));
    this.text = new WorkerPool({ name: 'text', size: options.textWorkers ?? Math.max(1, cores - mrzWorkers), recycleAfter, create: createTextWorker, destroy });
    this.mrz = new WorkerPool({ name: 'MRZ', size: mrzWorkers, recycleAfter, create: createMrzWorker, destroy });
  }

  /**
   * The page as text, deskewed by tesseract (`rotateAuto`) unless the caller levelled it already, with line boxes
   * in the deskewed frame.
   */
  readPage(image: Buffer, dpi: number, signal?: AbortSignal, { rotateAuto = true } = {}): Promise<TextPass> {
    return this.text.run(async (worker) => {
      const options = { rotateAuto, user_defined_dpi: String(dpi) } as Partial<Tesseract.RecognizeOptions>;
      const { data } = await worker.recognize(image, options, { text: true, blocks: true });
      return { text: data.text, confidence: data.confidence / 100, lines: toLines(data), rotateRadians: data.rotateRadians ?? 0 };
    }, signal);
  }

  /** An MRZ band (already cut out and deskewed) read by the legacy engine, with line and symbol boxes. */
  readMrz(image: Buffer, dpi: number, signal?: AbortSignal): Promise<Array<OcrLine & { bbox: Rectangle }>> {
    return this.mrz.run(async (worker) => {
      const options = { user_defined_dpi: String(dpi) } as Partial<Tesseract.RecognizeOptions>;
      const { data } = await worker.recognize(image, options, { text: true, blocks: true });
      return toLines(data);
    }, signal);
  }

  async close(): Promise<void> {
    await Promise.all([this.text.close(), this.mrz.close()]);
  }
}
