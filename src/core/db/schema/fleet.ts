import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Department, EmploymentKind, VesselKind, VesselUse } from '../../../shared/domain/crew';
import { idColumn, timestampColumns } from '../columns';

/** A yacht. Flag is an ISO 3166-1 alpha-3 code; an IMO number is stored without its "IMO" prefix. */
export const vessels = sqliteTable(
  'vessels',
  {
    id: idColumn(),
    name: text('name').notNull(),
    kind: text('kind').$type<VesselKind>().notNull(),
    lengthM: real('length_m').notNull(),
    grossTonnage: real('gross_tonnage'),
    flag: text('flag').notNull(),
    imoNumber: text('imo_number'),
    officialNumber: text('official_number'),
    homePort: text('home_port'),
    use: text('use').$type<VesselUse>().notNull(),
    /** Ids of the cruising areas of its itinerary (resources/fit/cruising-areas-v1.json), as a JSON array. */
    cruisingAreas: text('cruising_areas', { mode: 'json' }).$type<string[]>().notNull().default([]),
    ...timestampColumns(),
  },
  (t) => [
    // Two live vessels never share an IMO number (archived ones may: a vessel re-entered after a sale).
    uniqueIndex('vessels_imo_live').on(t.imoNumber).where(sql`${t.imoNumber} IS NOT NULL AND ${t.archivedAt} IS NULL`),
  ],
);

/** A berth on a vessel: department, title (a known one of docs/domain.md#departments-and-positions, or custom), how many people, rotation and employment kind. */
export const positions = sqliteTable(
  'positions',
  {
    id: idColumn(),
    vesselId: text('vessel_id')
      .notNull()
      .references(() => vessels.id),
    department: text('department').$type<Department>().notNull(),
    title: text('title').notNull(),
    headcount: integer('headcount').notNull(),
    /** Weeks on and off (e.g. 4 and 2 for "4:2"); both null when the position does not rotate. */
    rotationWeeksOn: integer('rotation_weeks_on'),
    rotationWeeksOff: integer('rotation_weeks_off'),
    employmentKind: text('employment_kind').$type<EmploymentKind>().notNull(),
    /** Somebody holding it must be aboard every day (safe manning, docs/manning.md). */
    mustBeAboard: integer('must_be_aboard', { mode: 'boolean' }).notNull().default(false),
    ...timestampColumns(),
  },
  (t) => [index('positions_vessel').on(t.vesselId)],
);

/**
 * One person through crew life and recruitment: documents, assessments and applications hang off `people.id`.
 */
export const people = sqliteTable(
  'people',
  {
    id: idColumn(),
    givenNames: text('given_names').notNull(),
    surname: text('surname').notNull(),
    dateOfBirth: text('date_of_birth').notNull(),
    /** ISO 3166-1 alpha-3 codes, as a JSON array. */
    nationalities: text('nationalities', { mode: 'json' }).$type<string[]>().notNull(),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    /** Stored lower-case: addresses are compared without case. */
    email: text('email'),
    phone: text('phone'),
    emergencyContactName: text('emergency_contact_name'),
    emergencyContactPhone: text('emergency_contact_phone'),
    emergencyContactRelation: text('emergency_contact_relation'),
    /** sha256 of the photo in the blob store (src/core/files/blob-store.ts). */
    photoHash: text('photo_hash'),
    /** Days of notice they must give to leave a post (null: not on record). */
    noticeDays: integer('notice_days'),
    /** Folded "surname given names": the crew list's order, and with the date of birth the duplicate check. */
    sortKey: text('sort_key').notNull(),
    /**
     * The user who entered this person (a user id), or null (imported, synced from before users, the sample
     * fleet). A user scoped to vessels sees the people they entered until those are assigned
     * (docs/security.md#scope).
     */
    createdBy: text('created_by'),
    ...timestampColumns(),
  },
  (t) => [
    // The crew list walks these in order; the id in the index spares a table visit per row.
    index('people_live_sort').on(t.sortKey, t.id).where(sql`${t.archivedAt} IS NULL`),
    index('people_sort').on(t.sortKey, t.id),
    // "Is this person live?" answered from the index alone, for counts driven by assignments.
    index('people_live_id').on(t.id).where(sql`${t.archivedAt} IS NULL`),
    index('people_email').on(t.email),
    // The people a user scoped to vessels entered (docs/security.md#scope): few, found without a scan of everyone.
    index('people_created_by').on(t.createdBy).where(sql`${t.createdBy} IS NOT NULL`),
  ],
);

/**
 * Every word of a person's names and e-mail, folded, one row each: "find by name as you type" is a range scan
 * on `term` (prefix match) instead of a LIKE over every person. The person's sort key and archived flag are
 * copied here so a search is answered from one covering index, without visiting the people table per match.
 * Kept by the people service only (src/core/people/records.ts).
 */
export const personSearchTerms = sqliteTable(
  'person_search_terms',
  {
    term: text('term').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    sortKey: text('sort_key').notNull(),
    archived: integer('archived', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('person_search_terms_cover').on(t.term, t.archived, t.sortKey, t.personId), index('person_search_terms_person').on(t.personId)],
);

/** A person in a vessel position from a start date to an optional end date (both inclusive), with a rotation. */
export const assignments = sqliteTable(
  'assignments',
  {
    id: idColumn(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    positionId: text('position_id')
      .notNull()
      .references(() => positions.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    rotationWeeksOn: integer('rotation_weeks_on'),
    rotationWeeksOff: integer('rotation_weeks_off'),
    /**
     * A day on which a new "on" period starts, when the rotation was staggered: the cycle counts from the start
     * date before it and from this day on it (docs/manning.md). Null: from the start date throughout.
     */
    rotationRestart: text('rotation_restart'),
    ...timestampColumns(),
  },
  (t) => [
    index('assignments_person').on(t.personId, t.startDate),
    index('assignments_position').on(t.positionId, t.startDate),
    // Live assignments with everything a status needs, so status filters never visit the table.
    index('assignments_open')
      .on(t.endDate, t.personId, t.startDate, t.rotationWeeksOn, t.rotationWeeksOff, t.rotationRestart, t.positionId)
      .where(sql`${t.archivedAt} IS NULL`),
  ],
);
