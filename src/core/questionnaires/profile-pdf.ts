import type { ParsedInput, Profile } from '../../shared/api';
import { formatDate } from '../../shared/domain/dates';
import type { ServiceContext } from '../context';
import { fileSlug, plain, renderPdf, writable } from '../files/pdf';
import { storedResult } from '../psychometrics/results';
import { profileOf } from './profile';

/**
 * A one-page PDF of a profile for the person themselves (docs/questionnaires.md#the-pdf), drawn with pdfkit in
 * the core so that the desktop app, the browser preview and the command line make the same file offline. It uses
 * the PDF standard fonts, which cover the languages written in the Western European alphabet; for a language
 * they cannot write, the page is in English and says so.
 */
const VERDICT_WORDS = { valid: 'Valid', questionable: 'Questionable: read with care', invalid: 'Invalid: do not use these scores' } as const;
const LEVEL_WORDS = { low: 'low', neutral: 'average', high: 'high' } as const;

function profileTexts(p: Profile): string[] {
  return [...p.domains.flatMap((d) => [d.name, ...d.meaning]), ...p.facets.map((f) => f.name)];
}

const careless = (p: Profile) => [...p.reasons.map((r) => r.message), ...p.notComputed.map((n) => `Not computed (${n.index}): ${n.message}`), ...p.proctoring.map((e) => `${e.severity}: ${e.detail}`)];

function draw(doc: PDFKit.PDFDocument, p: Profile, withCareless: boolean, note: string | null): void {
  const left = 48;
  const width = doc.page.width - 2 * left;
  const bottom = doc.page.height - 48;
  doc.font('Helvetica-Bold').fontSize(16).text(plain(`${p.personName}: personality profile`), left, 44, { width });
  doc.font('Helvetica').fontSize(9).fillColor('#555').text(plain(`${p.instrumentName} · answered ${formatDate(p.takenOn)}${p.norm ? ` · compared with ${p.norm.label}` : ''}`), { width });
  if (note) doc.text(plain(note), { width });
  doc.moveDown(0.6).fillColor('#000').font('Helvetica-Bold').fontSize(11).text(`Validity: ${VERDICT_WORDS[p.verdict]}`, { width });
  doc.font('Helvetica').fontSize(8.5);
  const shown = withCareless ? careless(p).slice(0, 6) : p.reasons.slice(0, 2).map((r) => r.message);
  for (const line of shown) doc.text(plain(`• ${line}`), { width, height: 24, ellipsis: true });
  if (p.normNote) doc.fillColor('#555').text(plain(p.normNote), { width }).fillColor('#000');
  doc.moveDown(0.5);
  const barLeft = left + 150;
  const barWidth = 200;
  for (const d of p.domains) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(10).text(plain(d.name), left, y, { width: 145 });
    doc.rect(barLeft, y + 1, barWidth, 9).fillColor('#e3e8ec').fill();
    if (d.percentile !== null) doc.rect(barLeft, y + 1, (barWidth * d.percentile) / 100, 9).fillColor('#1f6f8b').fill();
    doc.fillColor('#000').font('Helvetica').fontSize(9).text(d.percentile === null ? `mean ${d.mean?.toFixed(2) ?? '—'}` : `${Math.round(d.percentile)}th percentile${d.level ? ` (${LEVEL_WORDS[d.level]})` : ''}`, barLeft + barWidth + 8, y + 1, { width: width - 150 - barWidth - 8 });
    doc.x = left;
    doc.y = y + 14;
    if (d.meaning.length) doc.fontSize(8.5).text(plain(d.meaning.join(' ')), left, doc.y, { width, height: 34, ellipsis: true });
    doc.moveDown(0.4);
  }
  doc.font('Helvetica-Bold').fontSize(9).text('Facets (percentile against the same norm)', left, doc.y, { width });
  doc.font('Helvetica').fontSize(7.5);
  const columns = 3;
  const columnWidth = width / columns;
  const top = doc.y + 2;
  const rows = Math.ceil(p.facets.length / columns);
  p.facets.forEach((f, i) => {
    const x = left + Math.floor(i / rows) * columnWidth;
    const y = top + (i % rows) * 10;
    if (y < bottom - 20) doc.text(plain(`${f.name}: ${f.percentile === null ? '—' : Math.round(f.percentile)}`), x, y, { width: columnWidth - 6, lineBreak: false });
  });
  doc
    .fillColor('#555')
    .fontSize(7)
    .text('A starting point for a conversation, not a verdict on a person. Harmony Crew.', left, bottom - 10, { width, lineBreak: false });
}

export async function profilePdf(ctx: ServiceContext, input: ParsedInput<'profiles.pdf'>): Promise<{ fileName: string; contentBase64: string }> {
  let profile = await profileOf(ctx, input);
  let note: string | null = null;
  if (!profileTexts(profile).every(writable)) {
    profile = await profileOf(ctx, { ...input, language: 'en' });
    note = 'This page is in English: the fonts of a PDF made without the internet cannot write the language chosen on screen.';
  }
  const { bytes } = await renderPdf(
    { margins: { top: 48, left: 48, right: 48, bottom: 0 }, info: { Title: `${plain(profile.personName)}: personality profile`, Producer: 'Harmony Crew' } },
    (doc) => draw(doc, profile, input.careless, note),
  );
  const r = storedResult(ctx, input.id);
  return { fileName: `profile-${fileSlug(r.personName, 'profile')}-${r.takenOn}.pdf`, contentBase64: bytes.toString('base64') };
}
