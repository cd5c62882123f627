import type { ServiceContext } from '../context';
import { plain, renderPdf } from '../files/pdf';
import type { CvData } from './cv';

/**
 * The yacht CV as a PDF of two pages at most (docs/recruitment.md#the-yacht-cv): what does not fit on the second
 * page is left out and the last line says so. Photos are stored small (600 px JPEG), so the file stays small for
 * a slow connection on board.
 */
export const MAX_CV_PAGES = 2;
const MARGIN = 48;

export async function cvPdf(ctx: ServiceContext, cv: CvData, withContacts: boolean): Promise<{ bytes: Buffer; pages: number }> {
  // A photo taken on another computer may not have arrived by sync yet: the CV goes without it.
  const photo = cv.photoHash && ctx.state.files.has(cv.photoHash) ? ctx.state.files.get(cv.photoHash) : null;
  return renderPdf({ margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 0 }, info: { Title: `${plain(cv.name)}: CV`, Producer: 'Harmony Crew' } }, (doc) => {
    const width = doc.page.width - 2 * MARGIN;
    const bottom = doc.page.height - MARGIN;
    let page = 1;
    let full = false;
    /**
     * Room for `height` more points with `reserve` kept free below (for the sections that must follow): on this
     * page, or on a new one while there are pages left. Without a reserve, running out ends the CV with a note.
     */
    const room = (height: number, reserve = 0): boolean => {
      if (full) return false;
      if (doc.y + height + reserve <= bottom - 14) return true;
      if (page < MAX_CV_PAGES) {
        doc.addPage();
        page += 1;
        doc.y = MARGIN;
        return true;
      }
      if (reserve > 0) return false;
      full = true;
      doc.font('Helvetica-Oblique').fontSize(8).fillColor('#555').text('More on request.', MARGIN, bottom - 12, { width, lineBreak: false });
      return false;
    };
    const textWidth = photo ? width - 110 : width;
    if (photo) doc.image(photo, MARGIN + width - 96, MARGIN, { fit: [96, 120] });
    doc.font('Helvetica-Bold').fontSize(20).fillColor('#000').text(plain(cv.name), MARGIN, MARGIN, { width: textWidth });
    doc.moveDown(0.4).fontSize(10);
    const lines = withContacts ? [...cv.facts, ...cv.contacts] : cv.facts;
    for (const f of lines) {
      doc.font('Helvetica-Bold').text(`${f.label}: `, MARGIN, doc.y, { continued: true, width: textWidth }).font('Helvetica').text(plain(f.value), { width: textWidth });
    }
    if (photo) doc.y = Math.max(doc.y, MARGIN + 128);
    const heading = (title: string): boolean => {
      if (!room(40)) return false;
      doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor('#1f6f8b').text(title, MARGIN, doc.y, { width }).fillColor('#000').moveDown(0.2);
      return true;
    };
    const lineHeight = (text: string) => doc.font('Helvetica').fontSize(9.5).heightOfString(plain(text), { width });
    const line = (text: string, reserve = 0): boolean => {
      if (!room(lineHeight(text), reserve)) return false;
      doc.font('Helvetica').fontSize(9.5).text(plain(text), MARGIN, doc.y, { width });
      return true;
    };
    const referenceLines = cv.references.map((r) => (withContacts && r.contact ? `${r.who}: ${r.contact}` : r.who)).concat(!withContacts && cv.references.length ? ['Contact details on request.'] : []);
    // The references always follow the sea service: the oldest service gives way to them.
    const referencesHeight = referenceLines.length ? 40 + referenceLines.reduce((h, t) => h + lineHeight(t), 0) : 0;
    if (cv.summary && heading('Profile')) line(cv.summary);
    if (cv.certificates.length && heading('Certificates')) for (const c of cv.certificates) line(`${c.label}: ${c.value}`);
    if (cv.seaService.length && heading('Sea service')) {
      const shown = cv.seaService.findIndex((s) => !line(`${s.dates}   ${s.role}, ${s.vessel}`, referencesHeight + lineHeight('x')));
      if (shown >= 0) line(`Earlier service (${cv.seaService.length - shown} more) on request.`);
    }
    if (referenceLines.length && heading('References')) for (const text of referenceLines) line(text);
  });
}
