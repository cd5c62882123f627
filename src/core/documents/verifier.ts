import { format } from 'date-fns';
import {
  assessDocument,
  isCleanReading,
  looksLikeMrzLine,
  MrzFormatError,
  readTd3Best,
  templateLines,
  unreadableAssessment,
  type Assessment,
  type CertificateRules,
  type GlyphComparison,
  type MrzReading,
  type OcrLine,
  type TemplateReading,
} from '../../engine/documents';
import type { PersonIdentity, PlannedTour, VerificationResult } from '../../shared/api/documents';
import { AppError } from '../api/errors';
import { AnalysisPool, type DocumentAnalysis } from './analysis-pool';
import { bandPng, deskewedGrey, scaledBand, type Band } from './mrz-band';
import { compareMrzGlyphs, type MrzBandReading } from './mrz-glyphs';
import { OcrEngine, type OcrEngineOptions, type Rectangle, type TextPass } from './ocr-engine';
import { analysePage, forPagePass, type PageLayout } from './page-layout';
import { preparePages, UnreadableFile, type PreparedPage } from './prepare';

export interface VerifyOptions {
  /** Shown in the result; the bytes are what is read. */
  fileName: string;
  person?: PersonIdentity;
  /** Day the document must be valid on; today when not given. */
  asOf?: string;
  plannedTour?: PlannedTour;
  rules?: CertificateRules;
  signal?: AbortSignal;
  /** Stage of this document: done of total steps, with what is happening. */
  onProgress?: (done: number, total: number, message: string) => void;
  /** Receives the page text OCR read (stored documents keep it beside the fields). */
  onText?: (text: string) => void;
}

const STEPS = 4;
/** Scales of the MRZ passes, relative to the working size (see readMrzCandidates). */
const MRZ_SCALES = [0.7, 1] as const;

/** Where the MRZ lies on the page pass: its lines, padded; or the bottom band of a page that should have one. */
export function locateMrz(pass: TextPass, page: PreparedPage, expectMrz: boolean): Rectangle | null {
  const mrzLines = pass.lines.filter((line) => looksLikeMrzLine(line.text)).slice(-2);
  if (mrzLines.length === 0) {
    if (!expectMrz) return null;
    const top = Math.round(page.height * 0.62);
    return { left: 0, top, width: page.width, height: page.height - top };
  }
  const left = Math.min(...mrzLines.map((l) => l.bbox.left));
  const top = Math.min(...mrzLines.map((l) => l.bbox.top));
  const right = Math.max(...mrzLines.map((l) => l.bbox.left + l.bbox.width));
  const bottom = Math.max(...mrzLines.map((l) => l.bbox.top + l.bbox.height));
  const lineHeight = Math.max(...mrzLines.map((l) => l.bbox.height));
  // Generous vertical padding: a line the page pass missed (or split) must still fall inside.
  const padY = Math.round(lineHeight * (mrzLines.length === 2 ? 0.8 : 2.6));
  const padX = Math.round(page.width * 0.04);
  const x0 = Math.max(0, left - padX);
  const y0 = Math.max(0, top - padY);
  return { left: x0, top: y0, width: Math.min(page.width, right + padX) - x0, height: Math.min(page.height, bottom + padY) - y0 };
}

/** The MRZ as read: by its OCR-B shapes (`shapes`), or by OCR (`glyphs`: the template comparison of a clean reading). */
interface MrzFound {
  readings: OcrLine[][];
  shapes?: TemplateReading;
  glyphs?: GlyphComparison[];
}

const MRZ_HINT = /PASSPORT|PASSEPORT|REISEPASS|P<[A-Z]{3}|<<</i;

export interface VerifierOptions extends OcrEngineOptions {
  /**
   * How the MRZ is read: `shapes` (default) by OCR-B templates where the band splits into its grid, OCR
   * otherwise; `ocr` always by the legacy OCR engine (the fallback on its own, for tests and comparisons).
   */
  mrzReader?: 'shapes' | 'ocr';
  /** Threads of the analysis pool (page layout, MRZ cells); half the cores by default. */
  analysisThreads?: number;
}

/**
 * The document verification service of issue 4: bytes in, the `harmony verify` object out. Unreadable and
 * unsupported files come back as `review` with the reason; only cancellation and bugs throw.
 */
export class DocumentVerifier {
  readonly engine: OcrEngine;
  /** The arithmetic of a page (layout, MRZ cells, glyphs), in worker threads like the OCR itself. */
  readonly analysis: DocumentAnalysis;
  readonly #readShapes: boolean;

  constructor(options: VerifierOptions = {}) {
    this.engine = new OcrEngine(options);
    this.analysis = new AnalysisPool({ maxThreads: options.analysisThreads });
    this.#readShapes = options.mrzReader !== 'ocr';
  }

  async verify(bytes: Uint8Array, options: VerifyOptions): Promise<VerificationResult> {
    const started = performance.now();
    const progress = (done: number, message: string) => options.onProgress?.(done, STEPS, message);
    const asOf = options.asOf ?? format(new Date(), 'yyyy-MM-dd');
    let assessment: Assessment;
    try {
      progress(0, 'Preparing the image');
      const pages = await preparePages(bytes, (request) => this.analysis.renderPdf(request, options.signal));
      throwIfAborted(options.signal);
      let text = '';
      let confidenceSum = 0;
      let mrz: MrzFound | null = null;
      for (const [index, page] of pages.entries()) {
        progress(1, pages.length > 1 ? `Reading page ${index + 1} of ${pages.length}` : 'Reading the page');
        const layout = await analysePage(page, this.analysis, { readMrz: !mrz && this.#readShapes, signal: options.signal });
        if (layout.mrz) {
          const { pass, shapes } = await this.readPassportPage(layout.mrz, options.signal);
          const lines = templateLines(shapes);
          text += (text ? '\n' : '') + [pass.text.trimEnd(), ...lines.map((line) => line.text)].join('\n');
          confidenceSum += pass.confidence;
          mrz = { readings: [lines], shapes };
          continue;
        }
        // Levelled by its own text rows when it has enough of them; else tesseract measures the tilt itself.
        const target = await forPagePass(layout.page);
        const pass = await this.engine.readPage(target.image, target.dpi, options.signal, { rotateAuto: !layout.levelled });
        text += (text ? '\n' : '') + pass.text;
        confidenceSum += pass.confidence;
        if (mrz) continue;
        const rectangle = locateMrz(pass, target, MRZ_HINT.test(pass.text));
        if (!rectangle) continue;
        progress(2, 'Reading the machine-readable zone');
        mrz = await this.readMrz(target, rectangle, pass.rotateRadians, options.signal);
      }
      options.onText?.(text);
      progress(3, 'Checking');
      assessment = assessDocument(
        { text, textConfidence: confidenceSum / pages.length, mrzReadings: mrz?.readings ?? null, mrzShapes: mrz?.shapes, mrzGlyphs: mrz?.glyphs },
        { asOf, person: options.person, plannedTour: options.plannedTour, rules: options.rules },
      );
    } catch (error) {
      if (error instanceof UnreadableFile) assessment = unreadableAssessment(error.reason, error.message);
      else if (isImageReadError(error)) assessment = unreadableAssessment('unreadable', 'The OCR engine could not read the image.');
      else throw error;
    }
    progress(STEPS, 'Done');
    return { file: options.fileName, ...assessment, ms: Math.round(performance.now() - started) };
  }

  /**
   * A page whose MRZ the layout found, levelled by the MRZ's lines: OCR reads the visual zone in its worker while
   * the analysis pool reads the MRZ cells.
   */
  private async readPassportPage(mrz: NonNullable<PageLayout['mrz']>, signal: AbortSignal | undefined): Promise<{ pass: TextPass; shapes: TemplateReading }> {
    const [pass, shapes] = await Promise.all([this.engine.readPage(mrz.pagePass.image, mrz.pagePass.dpi, signal, { rotateAuto: false }), mrz.read(signal)]);
    return { pass, shapes };
  }

  /**
   * The MRZ in a rectangle the page pass located (the layout found none): read from its OCR-B shapes cell by
   * cell when the band splits into two rows of 44 glyphs, else by the legacy OCR engine.
   */
  private async readMrz(page: PreparedPage, rectangle: Rectangle, rotateRadians: number, signal: AbortSignal | undefined): Promise<MrzFound | null> {
    const grey = await deskewedGrey(page, rectangle, rotateRadians);
    const segmented = this.#readShapes ? await this.analysis.run({ kind: 'segment', band: grey }, signal) : null;
    if (segmented) {
      const shapes = await this.analysis.run({ kind: 'read', segmented }, signal);
      return { readings: [templateLines(shapes)], shapes };
    }
    const readings = await this.readMrzCandidates(await bandPng(grey), page.dpi, signal);
    return readings ? { readings: readings.map((reading) => reading.lines), glyphs: await this.glyphsOfCleanReading(readings, signal) } : null;
  }

  /**
   * Independent readings of the MRZ band by the legacy engine at two scales, the second only when the first is
   * not clean on its own (see `readTd3Best`). Measured on the fixture corpus: at 0.7× the working size (~20 px
   * OCR-B capitals) it confuses fewer digits with letters than at full size, and the two scales err on
   * different characters (35 → 37 of 49 genuine documents). A character-by-character pass and the page pass's
   * own MRZ lines were tried as further readings and added nothing once letter/digit disagreements count as
   * corrections (they lean to digits, where the legacy engine leans to letters).
   */
  private async readMrzCandidates(band: Band, dpi: number, signal: AbortSignal | undefined): Promise<MrzBandReading[] | null> {
    const readings: MrzBandReading[] = [];
    for (const scale of MRZ_SCALES) {
      const scaled = await scaledBand(band, scale);
      const lines = await this.engine.readMrz(scaled.image, Math.round(dpi * scale), signal);
      if (lines.filter((line) => looksLikeMrzLine(line.text)).length >= 2) readings.push({ lines, band: scaled });
      if (readings.length > 0 && isClean(readings.map((reading) => reading.lines))) break;
    }
    return readings.length > 0 ? readings : null;
  }

  /**
   * The OCR-B glyph comparison of the MRZ cells (mrz-glyph-check.ts), only for a reading that would otherwise
   * pass: any other reading already goes to review, and the comparison can only send a document to review.
   */
  private async glyphsOfCleanReading(readings: MrzBandReading[], signal: AbortSignal | undefined): Promise<GlyphComparison[] | undefined> {
    let mrz: MrzReading;
    try {
      mrz = readTd3Best(readings.map((reading) => reading.lines));
    } catch (error) {
      if (error instanceof MrzFormatError) return undefined;
      throw error;
    }
    return isCleanReading(mrz) ? compareMrzGlyphs(readings, mrz, this.analysis, signal) : undefined;
  }

  async close(): Promise<void> {
    await Promise.all([this.engine.close(), this.analysis.close()]);
  }
}

function isClean(readings: OcrLine[][]): boolean {
  try {
    return isCleanReading(readTd3Best(readings));
  } catch {
    return false;
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'Cancelled.');
}

/** tesseract.js rejects with a bare string when leptonica cannot read an image. */
function isImageReadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /attempting to read image|Error in pixRead|Unknown format/i.test(message);
}
