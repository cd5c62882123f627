import { addDays, format, parseISO } from 'date-fns';
import type { CertificateKindId } from '../../shared/domain/certificates';
import { SAMPLE_CHECK_ID } from '../../engine/documents/actions';
import { requiredCertificates } from '../../engine/documents/requirements';
import type { ServiceContext } from '../context';
import { addReview, insertDocument } from '../documents/store';
import { words } from '../../shared/words';

/**
 * Certificate records for the sample fleet, so the register, the compliance matrix and the expiry bell have
 * something to show in one click. They are metadata only: there is no scan, so every record points at one small
 * picture that says so (stored once, by its hash).
 */
const AUTHOR = 'Sample fleet';

export async function storeSamplePicture(ctx: ServiceContext): Promise<{ hash: string; size: number }> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"><rect width="800" height="500" fill="#f5f7fb"/>
    <rect x="20" y="20" width="760" height="460" fill="none" stroke="#5b6b80" stroke-width="4" stroke-dasharray="16 10"/>
    <text x="400" y="230" font-family="sans-serif" font-size="40" text-anchor="middle" fill="#1b2430">Sample record</text>
    <text x="400" y="290" font-family="sans-serif" font-size="26" text-anchor="middle" fill="#5b6b80">No scan: part of the synthetic sample fleet</text></svg>`;
  const { default: sharp } = await import('sharp');
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return { hash: ctx.state.files.put(png), size: png.length };
}

/** Years a sample certificate of each kind was issued for (docs/domain.md#certificate-catalogue; null = does not expire). */
const VALIDITY: Record<CertificateKindId, number | null> = {
  passport: 10,
  seamans_book: 10,
  eng1: 2,
  pst: 5,
  fpff: 5,
  efa: null,
  pssr: null,
  pscrb: 5,
  aff: 5,
  psa: null,
  pdsd: null,
  coc: 5,
  yachtmaster: 5,
};

export interface SampleCertificateOptions {
  person: { id: string; surname: string; givenNames: string; dateOfBirth: string };
  positionTitle: string;
  today: string;
  picture: { hash: string; size: number };
  random: () => number;
}

/**
 * The certificates a crew member's position needs: most valid for long, about one in twelve expiring within 90
 * days, one in thirty missing. Returns how many records were stored.
 */
export function addSampleCertificates(ctx: ServiceContext, options: SampleCertificateOptions): number {
  const { random, today } = options;
  const day = (offset: number) => format(addDays(parseISO(today), offset), 'yyyy-MM-dd');
  let stored = 0;
  for (const kind of requiredCertificates(options.positionTitle)) {
    const roll = random();
    if (roll < 0.033) continue;
    const years = VALIDITY[kind];
    const expiresOn = years === null ? null : roll < 0.12 ? day(Math.floor(random() * 95) - 5) : day(120 + Math.floor(random() * (years * 365 - 200)));
    const issuedOn = expiresOn === null ? day(-Math.floor(200 + random() * 2000)) : format(addDays(parseISO(expiresOn), -(years! * 365)), 'yyyy-MM-dd');
    const row = insertDocument(ctx, {
      personId: options.person.id,
      fileHash: options.picture.hash,
      fileName: `${words.certificates[kind]} (sample).png`,
      byteSize: options.picture.size,
      type: kind === 'passport' ? 'passport' : kind === 'seamans_book' ? 'seamans_book' : kind === 'eng1' ? 'eng1_medical' : 'stcw_certificate',
      kind,
      status: 'verified',
      reasons: [],
      checks: [{ id: SAMPLE_CHECK_ID, ok: true, message: 'Sample record of the synthetic fleet: entered, not read from a scan' }],
      fields: { surname: options.person.surname, givenNames: options.person.givenNames, dateOfBirth: options.person.dateOfBirth, dateOfIssue: issuedOn, ...(expiresOn ? { expiryDate: expiresOn } : {}), certificateType: words.certificates[kind] },
      readFields: {},
      mrz: null,
      ocrText: '',
      // No OCR read it: the record shows no confidence (it has no `confidence` check).
      confidence: 0,
      expiresOn,
      decidedBy: AUTHOR,
      decidedAt: new Date(`${today}T09:00:00Z`).toISOString(),
    });
    addReview(ctx, row.id, { action: 'accept', author: AUTHOR, statusAfter: 'verified', note: 'Sample record' });
    stored += 1;
  }
  return stored;
}
