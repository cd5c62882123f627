import { tourOn } from '../manning/rotation';
import type { CertificateKindId } from '../../shared/domain/certificates';
import type { CertificateState } from '../../shared/api/document-records';
import { daysBetween } from './dates';

/**
 * Which certificates a position needs, and where a person's certificate stands on a day
 * (docs/domain.md#requirements-by-position, docs/domain.md#certificate-register-and-compliance-matrix).
 * Requirements are layered (STCW → position → vessel → flag → owner): these are the STCW and position layers as
 * configurable defaults, never law.
 */

/** Every seafarer holds STCW basic training (PST, FPFF, EFA, PSSR), security awareness and an ENG1; a passport to travel. */
export const EVERY_SEAFARER: readonly CertificateKindId[] = ['passport', 'eng1', 'pst', 'fpff', 'efa', 'pssr', 'psa'];

const OFFICER: CertificateKindId[] = ['coc', 'pscrb', 'aff', 'pdsd'];
const ENGINEER: CertificateKindId[] = ['coc', 'pscrb', 'aff'];

/** The position layer: what a title adds to the basics (lower-case titles of docs/domain.md#departments-and-positions). */
export const POSITION_REQUIREMENTS: Readonly<Record<string, readonly CertificateKindId[]>> = {
  captain: OFFICER,
  'chief officer': OFFICER,
  '2nd officer': OFFICER,
  '3rd officer': OFFICER,
  bosun: ['pscrb', 'pdsd'],
  'lead deckhand': ['pscrb'],
  deckhand: [],
  'chief engineer': ENGINEER,
  '2nd engineer': ENGINEER,
  '3rd engineer': ENGINEER,
  eto: ['aff'],
  'av/it officer': [],
  electrician: [],
  purser: ['pdsd'],
  'interior manager': [],
  'chief stew': [],
  'head of housekeeping': [],
  stew: [],
  laundry: [],
  'head chef': [],
  'sous chef': [],
  'crew chef': [],
};

/** A vessel's own requirements (the vessel/flag/owner layers): full lists by lower-case position title. */
export type RequirementOverrides = Readonly<Record<string, readonly CertificateKindId[]>>;

export const titleKey = (title: string): string => title.trim().toLowerCase();

/** The default for a title (docs/domain.md#requirements-by-position), before any vessel's own rule. */
export function defaultRequirements(title: string): CertificateKindId[] {
  // "AV/IT Officer" is one title that contains a slash, not a dual role.
  const whole = POSITION_REQUIREMENTS[titleKey(title)];
  const parts = title
    .split('/')
    .map(titleKey)
    .filter(Boolean);
  const extra = whole ? [...whole] : parts.flatMap((part) => POSITION_REQUIREMENTS[part] ?? []);
  return [...new Set([...EVERY_SEAFARER, ...extra])];
}

/**
 * The certificates one position needs: the vessel's own list for the title when it has one, the default
 * otherwise. A dual role written with a slash ("Deck/Stew", "Deckhand/Engineer") holds every part's
 * requirements; an unknown part adds nothing beyond the basics.
 */
export function requiredCertificates(title: string, overrides: RequirementOverrides = {}): CertificateKindId[] {
  const own = overrides[titleKey(title)];
  return own ? [...own] : defaultRequirements(title);
}

export interface AssignmentSpan {
  startDate: string;
  endDate: string | null;
  rotationWeeksOn: number | null;
  rotationWeeksOff: number | null;
  rotationRestart?: string | null;
}

/**
 * The planned tour: the stretch onboard that is under way on `asOf` or comes next, by the rotation arithmetic of
 * docs/manning.md (src/engine/manning/rotation.ts); without a rotation the tour runs to the assignment's end.
 * Null when there is no end to measure against (open-ended, no rotation) or the assignment is over.
 */
export function plannedTour(assignment: AssignmentSpan, asOf: string): { start: string; end: string } | null {
  const { rotationWeeksOn: weeksOn, rotationWeeksOff: weeksOff } = assignment;
  return tourOn(
    {
      startDate: assignment.startDate,
      endDate: assignment.endDate,
      rotation: weeksOn !== null && weeksOff !== null ? { weeksOn, weeksOff } : null,
      rotationRestart: assignment.rotationRestart ?? null,
    },
    asOf,
  );
}

/** A stored document as far as the register cares. */
export interface HeldCertificate {
  documentId: string;
  status: 'verified' | 'review' | 'rejected';
  expiresOn: string | null;
}

export interface CertificateStanding {
  state: CertificateState;
  expiresOn: string | null;
  daysLeft: number | null;
  documentId: string | null;
}

/**
 * Where a certificate stands: the verified document that lasts longest counts (a renewal supersedes the old one;
 * null expiry = never expires). Without one, a document still in review shows as such; rejected ones do not count.
 * A certificate that expires during the planned tour is a problem today
 * (docs/domain.md#certificate-register-and-compliance-matrix), ahead of the 30/60/90-day
 * warnings.
 */
export function certificateStanding(held: readonly HeldCertificate[], asOf: string, tour: { start: string; end: string } | null): CertificateStanding {
  const verified = held.filter((h) => h.status === 'verified');
  if (verified.length === 0) {
    const inReview = held.find((h) => h.status === 'review');
    return { state: inReview ? 'in_review' : 'missing', expiresOn: inReview?.expiresOn ?? null, daysLeft: null, documentId: inReview?.documentId ?? null };
  }
  const best = verified.reduce((a, b) => (a.expiresOn === null ? a : b.expiresOn === null ? b : a.expiresOn >= b.expiresOn ? a : b));
  if (best.expiresOn === null) return { state: 'valid', expiresOn: null, daysLeft: null, documentId: best.documentId };
  const daysLeft = daysBetween(asOf, best.expiresOn);
  const state: CertificateState =
    daysLeft < 0
      ? 'expired'
      : tour && best.expiresOn < tour.end
        ? 'expires_during_tour'
        : daysLeft <= 30
          ? 'expires_30'
          : daysLeft <= 60
            ? 'expires_60'
            : daysLeft <= 90
              ? 'expires_90'
              : 'valid';
  return { state, expiresOn: best.expiresOn, daysLeft, documentId: best.documentId };
}

/** The smallest of the 30/60/90-day windows a number of days falls in (0 = expired), or null beyond 90. */
export function expiryWindow(daysLeft: number): 0 | 30 | 60 | 90 | null {
  if (daysLeft < 0) return 0;
  if (daysLeft <= 30) return 30;
  if (daysLeft <= 60) return 60;
  if (daysLeft <= 90) return 90;
  return null;
}
