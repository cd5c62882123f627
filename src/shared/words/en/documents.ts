import type { Words } from '../types';

type DocumentWords = Pick<
  Words,
  | 'documentTypes'
  | 'verificationStatuses'
  | 'documentListStatuses'
  | 'documentListSorts'
  | 'documentFields'
  | 'sexes'
  | 'fitness'
  | 'verificationReasons'
  | 'certificates'
  | 'certificatesShort'
  | 'certificateStates'
  | 'reviewActions'
  | 'documentActions'
>;

export const documents: DocumentWords = {
  documentTypes: {
    passport: 'Passport',
    seamans_book: 'Seaman’s book',
    stcw_certificate: 'STCW certificate',
    eng1_medical: 'ENG1 medical',
    unknown: 'Not recognised',
  },
  verificationStatuses: { verified: 'Verified', review: 'Needs review', rejected: 'Rejected' },
  documentListStatuses: { review: 'Needs review', verified: 'Verified', rejected: 'Rejected', all: 'All' },
  documentListSorts: { added: 'Added', file: 'File', person: 'Person', type: 'Type', status: 'Status' },
  documentFields: {
    surname: 'Surname',
    givenNames: 'Given names',
    dateOfBirth: 'Date of birth',
    nationality: 'Nationality',
    documentNumber: 'Document number',
    issuingState: 'Issuing state',
    sex: 'Sex',
    dateOfIssue: 'Date of issue',
    expiryDate: 'Expiry date',
    certificateNumber: 'Certificate number',
    certificateType: 'Certificate',
    stcwReference: 'STCW reference',
    fitness: 'Fitness',
    restrictions: 'Restrictions',
  },
  sexes: { F: 'Female (F)', M: 'Male (M)', X: 'Unspecified (X)' },
  fitness: { fit: 'Fit', fit_with_restrictions: 'Fit with restrictions', unfit: 'Unfit' },
  verificationReasons: {
    expired: 'expired',
    expires_during_tour: 'expires during the tour',
    mrz_check_digit: 'MRZ check digit wrong',
    mrz_format: 'MRZ unreadable',
    name_mismatch: 'name differs from the person',
    dob_mismatch: 'date of birth differs',
    medical_restriction: 'medical restriction',
    medical_unfit: 'unfit for sea service',
    specimen_or_unknown_state: 'specimen or unknown state',
    corrected_by_ocr: 'OCR corrected characters',
    corrected_by_reviewer: 'corrected by a reviewer',
    unreadable: 'file unreadable',
    unsupported_type: 'unsupported file type',
    unknown_type: 'document not recognised',
    low_confidence: 'low OCR confidence',
    missing_fields: 'fields missing',
    invalid_date: 'invalid date',
    validity_exceeds_rule: 'validity longer than the rule',
  },
  certificates: {
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
  },
  certificatesShort: {
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
  },
  certificateStates: {
    valid: 'Valid',
    expires_90: 'Expires ≤ 90 days',
    expires_60: 'Expires ≤ 60 days',
    expires_30: 'Expires ≤ 30 days',
    expires_during_tour: 'Expires during tour',
    expired: 'Expired',
    in_review: 'In review',
    missing: 'Missing',
  },
  reviewActions: {
    upload: 'Uploaded and read',
    correct: 'Corrected',
    accept: 'Accepted',
    reject: 'Rejected',
    reverify: 'Read again',
    archive: 'Archived',
    restore: 'Restored',
  },
  documentActions: { accept: 'Accept', reject: 'Reject', correct: 'Correct', reread: 'Read again' },
};
