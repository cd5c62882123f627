/**
 * The tables and columns that travel between devices and the server (docs/sync.md#what-travels), in their SQL
 * names. The device derives its change capture from its drizzle schema; this list is what the server accepts, so
 * a test holds the two equal (test/unit/sync/catalog.test.ts). Local tables (the installation's preferences, search terms, a kiosk
 * session's unfinished answers, a device's notifications inbox, sync's own bookkeeping, the accounts: users,
 * their sessions, the recovery code and sign-in attempts, which never leave the computer; and the audit log, whose
 * hash chain belongs to the computer that wrote it — docs/security.md#audit-log) are not here.
 */
export const SYNCED_TABLES = {
  application_moves: ['id', 'application_id', 'from_stage', 'to_stage', 'reason', 'moved_by', 'created_at', 'updated_at', 'archived_at'],
  application_notes: ['id', 'application_id', 'kind', 'visibility', 'body', 'author', 'author_id', 'created_at', 'updated_at', 'archived_at'],
  applications: ['id', 'requisition_id', 'person_id', 'stage', 'source', 'agency', 'exit_reason', 'offer_start_date', 'offer_rotation_weeks_on', 'offer_rotation_weeks_off', 'offer_salary', 'assignment_id', 'stage_changed_at', 'placed_at', 'created_at', 'updated_at', 'archived_at'],
  candidate_profiles: ['id', 'person_id', 'language_levels', 'smoker', 'visible_tattoos', 'driving_licence', 'summary', 'references', 'created_at', 'updated_at', 'archived_at'],
  interview_feedback: ['id', 'interview_id', 'interviewer', 'interviewer_id', 'ratings', 'overall', 'recommendation', 'strengths', 'concerns', 'created_at', 'updated_at', 'archived_at'],
  interviews: ['id', 'application_id', 'kind', 'mode', 'interviewers', 'starts_at', 'time_zone', 'duration_minutes', 'location', 'questions', 'status', 'created_at', 'updated_at', 'archived_at'],
  requisitions: ['id', 'position_id', 'title', 'department', 'start_date', 'rotation_weeks_on', 'rotation_weeks_off', 'salary_min', 'salary_max', 'currency', 'places', 'requirements', 'status', 'opened_at', 'ended_at', 'created_by', 'created_at', 'updated_at', 'archived_at'],
  vessel_submissions: ['id', 'person_id', 'vessel_id', 'application_id', 'agency', 'submitted_at', 'submitted_by', 'created_at', 'updated_at', 'archived_at'],
  advisory_log: ['id', 'action', 'operator', 'device', 'model', 'inputs', 'shown', 'created_at', 'updated_at', 'archived_at'],
  assessment_instruments: ['id', 'key', 'definition', 'created_at', 'updated_at', 'archived_at'],
  assessment_results: ['id', 'person_id', 'instrument_id', 'instrument_version', 'taken_on', 'context', 'items', 'answers', 'answered', 'scales', 'facets', 'careless', 'response_time', 'verdict', 'reasons', 'not_computed', 'comparison', 'norm_ref', 'batch_id', 'batch_size', 'source_file', 'session_id', 'language', 'engine_version', 'item_times', 'proctoring', 'pauses', 'started_at', 'created_at', 'updated_at', 'archived_at'],
  assignment_outcomes: ['id', 'assignment_id', 'completed', 'leave_reason', 'note', 'rating', 'would_rehire', 'factors', 'recorded_by', 'created_at', 'updated_at', 'archived_at'],
  assignments: ['id', 'person_id', 'position_id', 'start_date', 'end_date', 'rotation_weeks_on', 'rotation_weeks_off', 'rotation_restart', 'created_at', 'updated_at', 'archived_at'],
  campaigns: ['id', 'name', 'kind', 'mode', 'instrument_id', 'language', 'context', 'vessel_id', 'department', 'anonymous', 'due_on', 'created_at', 'updated_at', 'archived_at'],
  document_reviews: ['id', 'document_id', 'action', 'author', 'field', 'from_value', 'to_value', 'note', 'status_after', 'created_at', 'updated_at', 'archived_at'],
  documents: ['id', 'person_id', 'file_hash', 'file_name', 'byte_size', 'type', 'kind', 'status', 'reasons', 'checks', 'fields', 'read_fields', 'mrz', 'ocr_text', 'confidence', 'expires_on', 'decided_by', 'decided_at', 'created_at', 'updated_at', 'archived_at'],
  fit_decisions: ['id', 'person_id', 'position_id', 'decision', 'note', 'basis', 'log_id', 'decided_by', 'created_at', 'updated_at', 'archived_at'],
  fleet_settings: ['id', 'key', 'value', 'set_at', 'created_at', 'updated_at'],
  fit_presets: ['id', 'name', 'label', 'weights', 'created_at', 'updated_at', 'archived_at'],
  norm_tables: ['id', 'instrument_id', 'label', 'population', 'source', 'n', 'rows', 'created_at', 'updated_at', 'archived_at'],
  people: ['id', 'given_names', 'surname', 'date_of_birth', 'nationalities', 'languages', 'email', 'phone', 'emergency_contact_name', 'emergency_contact_phone', 'emergency_contact_relation', 'photo_hash', 'notice_days', 'sort_key', 'created_by', 'created_at', 'updated_at', 'archived_at'],
  person_visas: ['id', 'person_id', 'kind', 'expires_on', 'note', 'created_at', 'updated_at', 'archived_at'],
  positions: ['id', 'vessel_id', 'department', 'title', 'headcount', 'rotation_weeks_on', 'rotation_weeks_off', 'employment_kind', 'must_be_aboard', 'created_at', 'updated_at', 'archived_at'],
  prediction_models: ['id', 'version', 'coefficients', 'n', 'events', 'fit', 'author', 'created_at', 'updated_at', 'archived_at'],
  proctoring_events: ['id', 'session_id', 'kind', 'severity', 'at', 'item', 'detail'],
  pulse_responses: ['id', 'survey_id', 'survey_version', 'vessel_id', 'department', 'period', 'person_id', 'answers', 'mean'],
  pulse_schedules: ['id', 'vessel_id', 'survey_id', 'every_days', 'start_on', 'anonymous', 'created_at', 'updated_at', 'archived_at'],
  pulse_surveys: ['id', 'key', 'version', 'definition', 'created_at', 'updated_at', 'archived_at'],
  questionnaire_sessions: ['id', 'kind', 'mode', 'person_id', 'instrument_id', 'instrument_version', 'language', 'context', 'items', 'status', 'page_size', 'exit_code_hash', 'kiosk_locked', 'pauses', 'started_at', 'finished_at', 'due_on', 'result_id', 'campaign_id', 'vessel_id', 'department', 'period', 'anonymous', 'invitation_key', 'imported_at', 'created_at', 'updated_at', 'archived_at'],
  sea_service: ['id', 'person_id', 'vessel_name', 'length_m', 'gross_tonnage', 'use', 'department', 'position_title', 'start_date', 'end_date', 'kind', 'created_at', 'updated_at', 'archived_at'],
  trait_profiles: ['id', 'title_key', 'ranges', 'based_on', 'author', 'created_at', 'updated_at', 'archived_at'],
  vessel_requirements: ['id', 'vessel_id', 'title_key', 'kinds', 'set_at', 'created_at', 'updated_at'],
  vessels: ['id', 'name', 'kind', 'length_m', 'gross_tonnage', 'flag', 'imo_number', 'official_number', 'home_port', 'use', 'cruising_areas', 'created_at', 'updated_at', 'archived_at'],
} as const satisfies Record<string, readonly string[]>;

export type SyncedTable = keyof typeof SYNCED_TABLES;

export const isSyncedTable = (name: string): name is SyncedTable => Object.hasOwn(SYNCED_TABLES, name);

export const isSyncedColumn = (table: string, column: string): boolean =>
  isSyncedTable(table) && (SYNCED_TABLES[table] as readonly string[]).includes(column);

/**
 * The local schema version a device's changes are written in: the number of its database migrations
 * (resources/migrations; test/unit/sync/hlc.test.ts holds the two equal). A server refuses changes from a newer
 * one, whose columns it may not know.
 */
export const SYNC_SCHEMA_VERSION = 18;

/**
 * Columns whose value, when another device's newer edit replaces it, is kept in the conflict list for a person to
 * review: someone's profile and what was read or decided about their certificates. Bookkeeping columns are not.
 */
export const REVIEWED_COLUMNS: Partial<Record<SyncedTable, readonly string[]>> = {
  people: SYNCED_TABLES.people.filter((c) => !['id', 'sort_key', 'created_by', 'created_at', 'updated_at'].includes(c)),
  documents: SYNCED_TABLES.documents.filter((c) => !['id', 'created_at', 'updated_at', 'ocr_text', 'checks', 'mrz', 'read_fields'].includes(c)),
};
