import type { SyncedTable } from './tables';

/**
 * Which feed a new row goes to, and which people a vessel's feed carries (docs/sync.md#tenants). The server
 * decides it from these tables; test/unit/sync/routes.test.ts holds them to the drizzle schema's foreign keys.
 *
 * - `fleet`: the organisation's reference data, read by every device of it — the office's and each vessel's.
 * - `vessel`: the `vessels` row itself, in the feed of the vessel it is.
 * - `{ vessel: column }`: a row that names its vessel; `{ parent, column }`: a row that belongs to its parent
 *   row's vessel (an assignment to its position's, an interview to its application's).
 * A table listed nowhere (people, their file, a recruiting office's submissions, the advice log) goes to the
 * feed of the device that created it.
 */
export type FeedRoute = 'fleet' | 'vessel' | { vessel: string } | { parent: SyncedTable; column: string };

export const FEED_ROUTES: Partial<Record<SyncedTable, FeedRoute>> = {
  // Fleet reference data: what the office sets for every vessel (docs/sync.md#fleet-settings).
  fleet_settings: 'fleet',
  norm_tables: 'fleet',
  assessment_instruments: 'fleet',
  pulse_surveys: 'fleet',
  trait_profiles: 'fleet',
  fit_presets: 'fleet',
  prediction_models: 'fleet',
  // A vessel's own records.
  vessels: 'vessel',
  positions: { vessel: 'vessel_id' },
  vessel_requirements: { vessel: 'vessel_id' },
  pulse_schedules: { vessel: 'vessel_id' },
  pulse_responses: { vessel: 'vessel_id' },
  campaigns: { vessel: 'vessel_id' },
  questionnaire_sessions: { vessel: 'vessel_id' },
  proctoring_events: { parent: 'questionnaire_sessions', column: 'session_id' },
  assignments: { parent: 'positions', column: 'position_id' },
  assignment_outcomes: { parent: 'assignments', column: 'assignment_id' },
  fit_decisions: { parent: 'positions', column: 'position_id' },
  // Recruiting for a vessel: its requisitions and all that hangs from them, as a captain scoped to it sees them.
  requisitions: { parent: 'positions', column: 'position_id' },
  applications: { parent: 'requisitions', column: 'requisition_id' },
  application_moves: { parent: 'applications', column: 'application_id' },
  application_notes: { parent: 'applications', column: 'application_id' },
  interviews: { parent: 'applications', column: 'application_id' },
  interview_feedback: { parent: 'interviews', column: 'interview_id' },
};

/**
 * Tables that name a vessel and still stay in the feed of the device that created them: a recruiting office's
 * record of whom it put forward to a yacht is its own pipeline, not the yacht's.
 */
export const UNROUTED_VESSEL_TABLES: readonly SyncedTable[] = ['vessel_submissions'];

/**
 * The rows that link a person to a vessel: when one of them is in a vessel's feed, the person's file is carried
 * into that feed too (the crew of a vessel and the candidates for its requisitions, as a captain scoped to it
 * sees them).
 */
export const PERSON_LINKS: ReadonlyArray<{ table: SyncedTable; column: 'person_id' }> = [
  { table: 'assignments', column: 'person_id' },
  { table: 'applications', column: 'person_id' },
];

export const FLEET_FEED_PREFIX = 'fleet:';
export const fleetFeed = (orgId: string): string => `${FLEET_FEED_PREFIX}${orgId}`;
export const vesselFeed = (vesselId: string): string => `vessel:${vesselId}`;
export const orgFeed = (orgId: string): string => `org:${orgId}`;
export const isVesselFeed = (feed: string): boolean => feed.startsWith('vessel:');
