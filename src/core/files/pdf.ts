import PDFDocument from 'pdfkit';

/**
 * PDFs made in the core with pdfkit and the PDF standard fonts, so the desktop app, the browser preview and the
 * command line make the same file offline. The standard fonts write Windows-1252 only: text is brought into it.
 */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export const writable = (text: string) => [...text].every((c) => (c >= ' ' && c <= '~') || (c >= '\u00a0' && c <= '\u00ff') || CP1252_EXTRA.has(c) || c === '\n');
/** The text as the standard fonts can write it: accents kept where they can be, other letters without them, the rest "?". */
export const plain = (text: string) => [...text.normalize('NFC')].map((c) => (writable(c) ? c : (c.normalize('NFD')[0] ?? '?'))).map((c) => (writable(c) ? c : '?')).join('');

/** Draws an A4 document and returns its bytes and how many pages it has. */
export async function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<{ bytes: Buffer; pages: number }> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  let pages = 1;
  doc.on('pageAdded', () => (pages += 1));
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), pages };
}

/** A person's name as a file name part: "Zoë O'Neill" → "Zoe-O-Neill". */
export const fileSlug = (name: string, fallback: string) => name.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || fallback;
