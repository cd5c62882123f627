/**
 * The certificates a document can prove, as the register and the compliance matrix name them
 * (docs/domain.md#certificate-catalogue). The STCW ids are those of
 * src/engine/documents/certificate-rules.ts; `passport`, `seamans_book` and `eng1` come from the document type.
 */
export const CERTIFICATE_KINDS = [
  'passport',
  'seamans_book',
  'eng1',
  'pst',
  'fpff',
  'efa',
  'pssr',
  'pscrb',
  'aff',
  'psa',
  'pdsd',
  'coc',
  'yachtmaster',
] as const;
export type CertificateKindId = (typeof CERTIFICATE_KINDS)[number];

export const CERTIFICATE_LABELS: Record<CertificateKindId, string> = {
  passport: 'Passport',
  seamans_book: 'Seaman’s book',
  eng1: 'ENG1 medical',
  pst: 'STCW Personal Survival Techniques',
  fpff: 'STCW Fire Prevention and Fire Fighting',
  efa: 'STCW Elementary First Aid',
  pssr: 'STCW Personal Safety and Social Responsibilities',
  pscrb: 'Survival Craft and Rescue Boats',
  aff: 'Advanced Fire Fighting',
  psa: 'Security Awareness (PSA)',
  pdsd: 'Designated Security Duties (PDSD)',
  coc: 'Certificate of Competency',
  yachtmaster: 'Yachtmaster (commercial)',
};

/** Short column headings for the compliance matrix. */
export const CERTIFICATE_SHORT: Record<CertificateKindId, string> = {
  passport: 'Passport',
  seamans_book: 'Seaman’s bk',
  eng1: 'ENG1',
  pst: 'PST',
  fpff: 'FPFF',
  efa: 'EFA',
  pssr: 'PSSR',
  pscrb: 'PSCRB',
  aff: 'AFF',
  psa: 'PSA',
  pdsd: 'PDSD',
  coc: 'CoC',
  yachtmaster: 'Yachtmaster',
};

export function isCertificateKind(value: string): value is CertificateKindId {
  return (CERTIFICATE_KINDS as readonly string[]).includes(value);
}

/** Expiry warnings of issue 4: 90, 60 and 30 days ahead. */
export const EXPIRY_WINDOWS = [30, 60, 90] as const;
