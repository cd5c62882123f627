import type { CertificateKindId } from '../../shared/domain/certificates';
import type { Department, VesselUse } from '../../shared/domain/crew';
import type { AreasFile, ScoringConfig, SeaServiceKind, SubScoreName, TraitRange, VisaKind } from '../../shared/fit/model';
import type { HarmonyModel } from '../../shared/team/model';
import type { Verdict } from '../../shared/psychometrics';
import type { HeldCertificate } from '../documents/requirements';

/**
 * Plain data the fit engine scores (docs/fit-and-prediction.md). The core gathers it from the database; tests and
 * benchmarks build it by hand. Dates are `YYYY-MM-DD`.
 */

/** A person's questionnaire result placed on a norm: z per domain, or null with the reason. */
export interface PlacedResult {
  verdict: Verdict;
  /** Questionable only because too few results are stored to check it for random answering. */
  unchecked?: boolean;
  takenOn: string;
  /** z per domain; null when the result could not be compared with any norm (`note` says why). */
  z: Record<string, number | null> | null;
  /** The comparison crossed populations (an applicant's result against crew in post), with a lowered confidence. */
  mixed: boolean;
  note: string | null;
}

/** Time in a position, from the fleet's own assignments or a recorded sea-service history. */
export interface ServiceRecord {
  source: 'fleet' | 'recorded';
  vesselName: string;
  lengthM: number | null;
  grossTonnage: number | null;
  use: VesselUse | null;
  department: Department;
  title: string;
  startDate: string;
  /** Inclusive; null = still serving (counted up to the scoring date). */
  endDate: string | null;
  kind: SeaServiceKind;
}

/** A live assignment that keeps the person busy: the current one, planned ones. */
export interface Booking {
  startDate: string;
  endDate: string | null;
  /** "Stew on Serenity Tide". */
  label: string;
}

export interface Visa {
  kind: VisaKind;
  expiresOn: string | null;
}

export interface CandidateData {
  personId: string;
  name: string;
  nationalities: string[];
  visas: Visa[];
  /** Days of notice they must give to leave a post; null = not on record. */
  noticeDays: number | null;
  /** Live certificate documents by kind. */
  held: Partial<Record<CertificateKindId, HeldCertificate[]>>;
  service: ServiceRecord[];
  bookings: Booking[];
  result: PlacedResult | null;
  /** Why there is no result (no questionnaire, only invalid ones). */
  noResult: string | null;
  /** Profile fields filled, and the names of those missing. */
  completeness: { filled: number; total: number; missing: string[] };
  /** Invitations answered of those sent; null while the app sends none. */
  invitations: { sent: number; answered: number } | null;
}

/** The team a candidate would join, prepared once per position (harmony-delta.ts). */
export interface TeamBase {
  /** Members' z per domain (null: no usable result), in a fixed order. */
  members: Array<{ id: string; z: Record<string, number | null> | null }>;
  model: HarmonyModel;
  normScales: string[];
}

export interface PositionData {
  positionId: string;
  vesselId: string;
  vesselName: string;
  title: string;
  department: Department;
  rotation: { weeksOn: number; weeksOff: number } | null;
  /** Planned start of the new person. */
  startDate: string;
  required: CertificateKindId[];
  vessel: { lengthM: number; grossTonnage: number | null; use: VesselUse; areas: string[] };
  profile: { ranges: TraitRange[]; label: string } | null;
  team: TeamBase | null;
  /** Why there is no team to compare with (no norm, nobody aboard with results). */
  noTeam: string | null;
  /** The head of department the person would report to, with their z (null: none, or no result). */
  head: { personId: string; name: string; z: Record<string, number | null> | null } | null;
}

/** Everything the sub-scores read besides the candidate and the position. */
export interface FitSettings {
  scoring: ScoringConfig;
  areas: AreasFile['areas'];
  /** Names of the domains for messages ("agreeableness"). */
  domainNames: Record<string, string>;
}

/** One sub-score: 0–1 or null when it cannot be scored, its own confidence, and its reasons in words. */
export interface SubScore {
  name: SubScoreName;
  score: number | null;
  /** 0–1: how much of what the part needs was on record (0 when the part is not scored). */
  confidence: number;
  strengths: string[];
  gaps: string[];
  /** Why confidence is lowered or the part not scored. */
  notes: string[];
}
