import type { GreyImage } from './glyphs';
import { pageRows, textSkew } from './ink-rows';
import { compareMrzCells, type GlyphComparison, type GlyphSource } from './mrz-glyph-check';
import { placeMrz, segmentMrz, type MrzPlace, type SegmentedMrz } from './mrz-segmentation';
import { readSegmentedMrz, type TemplateReading } from './mrz-template-reader';

/**
 * The document analysis done before and beside OCR, as tasks on plain pixels: tens to hundreds of milliseconds
 * of arithmetic a page, so the core runs them in a worker pool (src/core/documents/analysis-pool.ts) and no API
 * request waits behind them. Tests call `runAnalysis` directly.
 */
export interface AnalysisTasks {
  /** A page's rows of glyphs at half size: its tilt and, when asked, where its MRZ lies. */
  measure: { input: { image: GreyImage; findMrz: boolean }; output: { slope: number | null; place: MrzPlace | null } };
  /** The MRZ band cut into its 2 × 44 cells, or null when it does not split into the grid. */
  segment: { input: { band: GreyImage }; output: SegmentedMrz | null };
  /** The cells read from their OCR-B shapes. */
  read: { input: { segmented: SegmentedMrz }; output: TemplateReading };
  /** The cells the OCR read, compared with the OCR-B templates (the glyph check of the fallback). */
  glyphs: { input: { sources: GlyphSource[]; mrz: { lines: readonly string[]; pass: number } }; output: GlyphComparison[] };
}

export type AnalysisKind = keyof AnalysisTasks;
export type AnalysisTask<K extends AnalysisKind = AnalysisKind> = K extends AnalysisKind ? { kind: K } & AnalysisTasks[K]['input'] : never;
export type AnalysisOutput<K extends AnalysisKind> = AnalysisTasks[K]['output'];

export function runAnalysis<K extends AnalysisKind>(task: AnalysisTask<K>): AnalysisOutput<K>;
export function runAnalysis(task: AnalysisTask): AnalysisOutput<AnalysisKind> {
  switch (task.kind) {
    case 'measure': {
      const { rows } = pageRows(task.image);
      const place = task.findMrz ? placeMrz(rows) : null;
      return { place, slope: place?.slope ?? textSkew(rows) };
    }
    case 'segment':
      return segmentMrz(task.band);
    case 'read':
      return readSegmentedMrz(task.segmented);
    case 'glyphs':
      return compareMrzCells(task.sources, task.mrz);
  }
}
