/**
 * Certificate validity rules (docs/domain.md#certificate-validity; the periods and their sources are in
 * docs/domain.md#certificate-catalogue). Every number is a configurable default (flag states differ): callers may
 * pass their own `CertificateRules`.
 */
export interface CertificateKind {
  id: string;
  name: string;
  /** STCW Code reference as printed (`A-VI/1-1`), or null for non-STCW certificates. */
  stcwReference: string | null;
  /** Words that identify it on a certificate (upper case, OCR-tolerant). */
  keywords: RegExp;
  /** Longest validity in years before a refresher/revalidation; null = does not expire. */
  validityYears: number | null;
}

export interface CertificateRules {
  kinds: CertificateKind[];
  /** ENG1 or equivalent: at most 2 years; at most 1 year when the holder is under 18 (docs/domain.md#medical-fitness). */
  medicalValidityYears: number;
  medicalValidityYearsUnder18: number;
  /** Days of slack between printed issue and expiry before a validity rule counts as broken (printing habits). */
  validitySlackDays: number;
  /** Below this OCR confidence (0–1) a reading goes to review. */
  minConfidence: number;
}

const FIVE_YEARS = 5; // STCW refresher and CoC revalidation: every 5 years (docs/domain.md#certificate-catalogue)

export const DEFAULT_CERTIFICATE_RULES: CertificateRules = {
  kinds: [
    { id: 'pst', name: 'Personal Survival Techniques', stcwReference: 'A-VI/1-1', keywords: /PERSONAL\s+SURVIVAL/, validityYears: FIVE_YEARS },
    { id: 'fpff', name: 'Fire Prevention and Fire Fighting', stcwReference: 'A-VI/1-2', keywords: /FIRE\s+PREVENTION/, validityYears: FIVE_YEARS },
    { id: 'efa', name: 'Elementary First Aid', stcwReference: 'A-VI/1-3', keywords: /ELEMENTARY\s+FIRST\s+AID/, validityYears: null },
    { id: 'pssr', name: 'Personal Safety and Social Responsibilities', stcwReference: 'A-VI/1-4', keywords: /PERSONAL\s+SAFETY/, validityYears: null },
    { id: 'pscrb', name: 'Proficiency in Survival Craft and Rescue Boats', stcwReference: 'A-VI/2-1', keywords: /SURVIVAL\s+CRAFT/, validityYears: FIVE_YEARS },
    { id: 'aff', name: 'Advanced Fire Fighting', stcwReference: 'A-VI/3', keywords: /ADVANCED\s+FIRE/, validityYears: FIVE_YEARS },
    { id: 'psa', name: 'Proficiency in Security Awareness', stcwReference: 'A-VI/6-1', keywords: /SECURITY\s+AWARENESS/, validityYears: null },
    { id: 'pdsd', name: 'Proficiency in Designated Security Duties', stcwReference: 'A-VI/6-2', keywords: /DESIGNATED\s+SECURITY/, validityYears: null },
    { id: 'coc', name: 'Certificate of Competency', stcwReference: null, keywords: /CERTIFICATE\s+OF\s+COMPETENCY/, validityYears: FIVE_YEARS },
    { id: 'yachtmaster', name: 'RYA Yachtmaster commercial endorsement', stcwReference: null, keywords: /YACHTMASTER/, validityYears: FIVE_YEARS },
  ],
  medicalValidityYears: 2,
  medicalValidityYearsUnder18: 1,
  validitySlackDays: 1,
  minConfidence: 0.55,
};

/** STCW references as printed (`Section A-VI/1-1`, `A VI/1-1`, `Reg. VI/1`) to the Code form `A-VI/1-1`. */
export function normaliseStcwReference(text: string): string | null {
  const match = /\bA\s*-?\s*([IVX]{1,4})\s*\/\s*(\d{1,2})(?:\s*-\s*(\d{1,2}))?/.exec(text.toUpperCase());
  if (!match) return null;
  return `A-${match[1]}/${match[2]}${match[3] ? `-${match[3]}` : ''}`;
}

/** Which certificate this is: by its STCW reference first (unambiguous), then by its title words. */
export function identifyCertificate(text: string, rules: CertificateRules = DEFAULT_CERTIFICATE_RULES): CertificateKind | null {
  const upper = text.toUpperCase();
  const reference = normaliseStcwReference(upper);
  const byReference = reference ? rules.kinds.find((kind) => kind.stcwReference === reference) : undefined;
  if (byReference) return byReference;
  return rules.kinds.find((kind) => kind.keywords.test(upper)) ?? null;
}
