/** The text of every page of a PDF, read back with mupdf: what a person opening the file would see. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const mupdf = await import('mupdf');
  const document = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    return Array.from({ length: document.countPages() }, (_, i) => document.loadPage(i).toStructuredText('preserve-whitespace').asText());
  } finally {
    document.destroy();
  }
}
