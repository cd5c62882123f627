import type { DocumentsTask } from './analysis-pool';
import { renderPdfPages } from './pdf-pages';
import { runAnalysis } from '../../engine/documents/analysis';

/**
 * A worker thread of the document analysis pool (analysis-pool.ts): page layout, MRZ
 * segmentation and template reading, glyph comparison, PDF pages. Pixels and files arrive as plain typed arrays;
 * the answers are plain data.
 */
export default function run(task: DocumentsTask) {
  return task.kind === 'pdf' ? renderPdfPages(task) : runAnalysis(task);
}
