/**
 * The first pages of a PDF as PNG images, rendered by mupdf (WASM, loaded only when a PDF arrives). It is
 * synchronous work of 100–150 ms a page (measured at 200 dpi on 2 busy cores), so the verifier and the preview
 * run it in the analysis pool (analysis-pool.ts). A file mupdf cannot open answers with the problem in words.
 */
export interface PdfRequest {
  bytes: Uint8Array;
  dpi: number;
  maxPages: number;
  /** Grey for OCR, colour for the preview a person looks at. */
  colour: 'grey' | 'rgb';
}

export type PdfPages = { pages: Uint8Array[] } | { problem: string };

export async function renderPdfPages({ bytes, dpi, maxPages, colour }: PdfRequest): Promise<PdfPages> {
  const mupdf = await import('mupdf');
  let document: InstanceType<typeof mupdf.Document>;
  try {
    document = mupdf.Document.openDocument(bytes, 'application/pdf');
  } catch (error) {
    return { problem: `The PDF cannot be opened (${firstLine(error)}).` };
  }
  try {
    const count = document.countPages();
    if (count === 0) return { problem: 'The PDF has no pages.' };
    const scale = dpi / 72;
    const pages: Uint8Array[] = [];
    for (let index = 0; index < Math.min(count, maxPages); index += 1) {
      const page = document.loadPage(index);
      const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), colour === 'grey' ? mupdf.ColorSpace.DeviceGray : mupdf.ColorSpace.DeviceRGB, false);
      pages.push(pixmap.asPNG());
      pixmap.destroy();
      page.destroy();
    }
    return { pages };
  } catch (error) {
    return { problem: `The PDF cannot be rendered (${firstLine(error)}).` };
  } finally {
    document.destroy();
  }
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}
