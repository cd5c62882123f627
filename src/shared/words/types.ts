import type {
  ActorKind,
  AdvisoryAction,
  AuditAction,
  AuditedTable,
  BreakKind,
  ArchivedFilter,
  AssessmentContext,
  BackupReason,
  CertificateState,
  CrewListSort,
  DatabaseState,
  DecisionKind,
  DocumentAction,
  DocumentFields,
  DocumentListSort,
  DocumentType,
  Fitness,
  InsightSeverity,
  LogSort,
  Input,
  ManningPhase,
  MatchKind,
  Method,
  NormOrigin,
  PlacementStatus,
  ProgressState,
  QueueStatus,
  SessionKind,
  SessionMode,
  SessionStatus,
  ResultListSort,
  ReviewAction,
  Sex,
  SyncPhase,
  TeamGroup,
  VerificationReason,
  VerificationStatus,
} from '../api';
import type { ANOVA_GROUPINGS, CREW_CHANGES, RANK_CHANNELS, SEA_SERVICE_SOURCES, SWAP_RANKINGS } from '../api/fit';
import type { CertificateKindId } from '../domain/certificates';
import type { ShareDirection } from '../sync/shares';
import type { AssignmentState, EmploymentKind, PersonStatus, VesselKind, VesselUse } from '../domain/crew';
import type { LeaveReason, PredictorName, SeaServiceKind, VisaKind } from '../fit/model';
import type { Grouping, ValidityIndex, Verdict } from '../psychometrics';
import type { ProctoringKind, ScoreLevel, Severity } from '../questionnaires';
import type { evidenceLevels, TeamStatistic, VolatilityPartId } from '../team/model';
import type { DomainWords } from './en/domain';
import type { RefusalReason } from '../api/auth';
import type { Capability, Role } from '../auth/roles';
import type {
  ApplicationStage,
  Competency,
  InterviewKind,
  InterviewMode,
  InterviewStatus,
  LanguageLevel,
  NoteKind,
  NoteVisibility,
  NotificationKind,
  Priority,
  Recommendation,
  RequisitionStatus,
} from '../recruitment/pipeline';

type Of<T extends readonly string[]> = T[number];
/** The named keys of an object type (an empty input, `Record<string, never>`, has none). */
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
type KeysOf<T> = T extends readonly unknown[] ? never : T extends object ? KnownKeys<T> : never;
/** The top-level input fields of every procedure: what a form or a message may name. */
export type InputField = Extract<{ [M in Method]: KeysOf<Input<M>> }[Method], string>;

/**
 * Every word of the contract's vocabulary that people read, one group per enum of the contract (or of the shared
 * domain), keyed by its values: a value without a word is a compile error. A second language is a second object
 * of this type. Groups are written as they read on their own — a column heading, a badge, an option — unless
 * their comment says they are written to sit inside a sentence. The groups the contract's own messages use are
 * in DomainWords (./en/domain.ts), below the contract.
 */
export interface Words extends DomainWords {
  // Fleet and crew
  employmentKinds: Record<EmploymentKind, string>;
  vesselKinds: Record<VesselKind, string>;
  vesselUses: Record<VesselUse, string>;
  personStatuses: Record<PersonStatus, string>;
  assignmentStates: Record<AssignmentState, string>;
  crewListSorts: Record<CrewListSort, string>;
  archivedFilters: Record<ArchivedFilter, string>;
  /** A day on the manning strip. */
  manningPhases: Record<ManningPhase, string>;

  // Documents and certificates
  documentTypes: Record<DocumentType, string>;
  verificationStatuses: Record<VerificationStatus, string>;
  documentListStatuses: Record<QueueStatus, string>;
  documentListSorts: Record<DocumentListSort, string>;
  documentFields: Record<keyof DocumentFields, string>;
  sexes: Record<Sex, string>;
  fitness: Record<Fitness, string>;
  /** Written to sit inside a sentence ("Why: expired, name differs from the person"). */
  verificationReasons: Record<VerificationReason, string>;
  certificates: Record<CertificateKindId, string>;
  /** Column headings of the compliance matrix, which must fit the window. */
  certificatesShort: Record<CertificateKindId, string>;
  certificateStates: Record<CertificateState, string>;
  /** An entry of a document's history. */
  reviewActions: Record<ReviewAction, string>;
  /** A decision a reviewer may take. */
  documentActions: Record<DocumentAction, string>;

  // Assessments
  assessmentContexts: Record<AssessmentContext, string>;
  groupings: Record<Grouping, string>;
  verdicts: Record<Verdict, string>;
  /** Written to sit inside a sentence (one is a name: Mahalanobis D²). */
  validityIndices: Record<ValidityIndex, string>;
  matchKinds: Record<MatchKind, string>;
  normOrigins: Record<NormOrigin, string>;
  placementStatuses: Record<PlacementStatus, string>;
  resultListSorts: Record<ResultListSort, string>;

  /** A result judged questionable only because no group was large enough to check it for random answering. */
  uncheckedResult: Record<'badge' | 'explanation', string>;

  // Questionnaires taken in the app
  sessionKinds: Record<SessionKind, string>;
  sessionModes: Record<SessionMode, string>;
  sessionStatuses: Record<SessionStatus, string>;
  /** Where a person stands in a campaign. */
  progressStates: Record<ProgressState, string>;
  /** What the kiosk or the invitation page saw while the questionnaire was answered. */
  proctoringKinds: Record<ProctoringKind, string>;
  proctoringSeverities: Record<Severity, string>;
  /** How a score reads against the norm (the interpretation text it gets). */
  scoreLevels: Record<ScoreLevel, string>;
  /** What a pulse survey's results are split by where a department is not known. */
  pulseGroups: Record<'noDepartment', string>;

  // Team dynamics
  insightSeverities: Record<InsightSeverity, string>;
  /** Written to sit inside a sentence. */
  teamStatistics: Record<TeamStatistic, string>;
  evidenceLevels: Record<Of<typeof evidenceLevels>, string>;
  teamGroups: Record<TeamGroup['kind'], string>;
  volatilityParts: Record<VolatilityPartId, string>;

  // Recruitment
  predictors: Record<PredictorName, string>;
  visaKinds: Record<VisaKind, string>;
  seaServiceKinds: Record<SeaServiceKind, string>;
  seaServiceSources: Record<Of<typeof SEA_SERVICE_SOURCES>, string>;
  leaveReasons: Record<LeaveReason, string>;
  decisions: Record<DecisionKind, string>;
  crewChanges: Record<Of<typeof CREW_CHANGES>, string>;
  swapRankings: Record<Of<typeof SWAP_RANKINGS>, string>;
  anovaGroupings: Record<Of<typeof ANOVA_GROUPINGS>, string>;
  rankChannels: Record<Of<typeof RANK_CHANNELS>, string>;
  advisoryActions: Record<AdvisoryAction, string>;
  logSorts: Record<LogSort, string>;

  // The recruitment pipeline (docs/recruitment.md)
  requisitionStatuses: Record<RequisitionStatus, string>;
  applicationStages: Record<ApplicationStage, string>;
  interviewStatuses: Record<InterviewStatus, string>;
  interviewKinds: Record<InterviewKind, string>;
  interviewModes: Record<InterviewMode, string>;
  recommendations: Record<Recommendation, string>;
  competencies: Record<Competency, string>;
  noteKinds: Record<NoteKind, string>;
  noteVisibilities: Record<NoteVisibility, string>;
  notificationKinds: Record<NotificationKind, string>;
  priorities: Record<Priority, string>;
  languageLevels: Record<LanguageLevel, string>;

  // The installation
  databaseStates: Record<DatabaseState, string>;
  /** What a running sync is doing, before a count: "12 changes sent". */
  syncPhases: Record<SyncPhase, string>;
  /** A vessel's id on its screen, which `harmony server enrol ORG --vessel ID` takes (docs/sync.md#tenants). */
  vesselSyncId: Record<'label' | 'hint' | 'copy' | 'copied' | 'copyFailed', string>;
  backupReasons: Record<BackupReason, string>;

  // Accounts
  roles: Record<Role, string>;
  /** What a role may do, as the permission table of Settings → Users lists it. */
  capabilities: Record<Capability, string>;
  /** Why a call was refused (FORBIDDEN's details.reason), as a sign-in screen or a banner says it. */
  refusalReasons: Record<RefusalReason, string>;
  /** The parts of a scope sentence ("Whole organisation", "Aboard Serenity Tide, deck department only"). */
  scopeParts: Record<'wholeOrganisation' | 'noVessel' | 'vessels' | 'departmentOnly', string>;

  // The audit log (docs/security.md#audit-log)
  auditActions: Record<AuditAction, string>;
  auditActorKinds: Record<ActorKind, string>;
  auditBreaks: Record<BreakKind, string>;
  /** What an entry calls the kind of record it is about. */
  auditTables: Record<AuditedTable, string>;
  /** A share of a candidate, as the organisation that made it or received it sees it (docs/sync.md#sharing). */
  shareDirections: Record<ShareDirection, string>;
  /** Stored columns no input field names, by their SQL name (columnLabel in src/shared/words reads both). */
  columns: Record<string, string>;

  /** What a message calls a record it cannot find ("This vessel no longer exists"). */
  records: Record<RecordKind, string>;
  /** The name of every input field of the contract, as a form labels it and a message names it. */
  fields: Record<InputField, string>;
}

/** The kinds of stored record a message may refer to. */
export type RecordKind =
  | 'requisition'
  | 'application'
  | 'interview'
  | 'vessel'
  | 'position'
  | 'person'
  | 'assignment'
  | 'document'
  | 'assessmentResult'
  | 'instrument'
  | 'normTable'
  | 'outcome'
  | 'seaService'
  | 'visa'
  | 'predictionModel'
  | 'backup'
  | 'session'
  | 'campaign'
  | 'pulseSchedule'
  | 'user';
