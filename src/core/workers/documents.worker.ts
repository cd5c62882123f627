import { runAnalysis, type AnalysisTask } from '../../engine/documents/analysis';

/**
 * A worker thread of the document analysis pool (src/core/documents/analysis-pool.ts): page layout, MRZ
 * segmentation and template reading, glyph comparison. Pixels arrive as plain typed arrays; the answers are
 * plain data.
 */
export default function run(task: AnalysisTask) {
  return runAnalysis(task);
}
