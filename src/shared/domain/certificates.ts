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

export function isCertificateKind(value: string): value is CertificateKindId {
  return (CERTIFICATE_KINDS as readonly string[]).includes(value);
}

/** Expiry warnings of issue 4: 90, 60 and 30 days ahead. */
export const EXPIRY_WINDOWS = [30, 60, 90] as const;
