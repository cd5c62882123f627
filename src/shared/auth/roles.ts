import { z } from 'zod';
import { DEPARTMENTS } from '../domain/crew';

/**
 * Who a signed-in user is to the app. The permission table (permissions.ts) says which capability each API
 * procedure needs; ROLE_CAPABILITIES says which role holds it (docs/security.md#roles-and-permissions).
 */
export const ROLES = ['owner', 'admin', 'captain', 'head_of_department', 'recruiter', 'office_viewer', 'crew_member'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** What a user may do, independent of which records: the scope (below) narrows the records. */
export const CAPABILITIES = [
  /** Vessels, positions, people, assignments: read. */
  'fleet.read',
  /** Vessels, positions, people, assignments, rotations: create, edit, archive, restore, import. */
  'fleet.write',
  /** Documents and their review queue: read (medical certificates are health data: each view is audited). */
  'documents.read',
  /** Upload, correct, accept, reject, set requirements. */
  'documents.write',
  /** Assessment results and profiles: read (each view is audited). */
  'assessments.read',
  /** Import results, norms and instruments; run and manage questionnaire sessions, pulse and campaigns. */
  'assessments.write',
  /** Team dynamics, fit rankings, what-if, predictions. */
  'analysis.read',
  /** Fit presets, role profiles, outcomes, decisions, prediction models. */
  'analysis.write',
  /** Requisitions, applications, interviews, notes, CVs: read. */
  'recruitment.read',
  /** Requisitions, applications, interviews, notes, hiring, merges. */
  'recruitment.write',
  /** Feedback on an interview the user is an interviewer of. */
  'recruitment.feedback',
  /** Users and their roles, backups and restore, sync enrolment, settings of the installation. */
  'installation.manage',
  /** The audit log: search and verify. */
  'audit.read',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const ALL: readonly Capability[] = CAPABILITIES;
export const ROLE_CAPABILITIES: Record<Role, ReadonlySet<Capability>> = {
  owner: new Set(ALL),
  admin: new Set(ALL),
  captain: new Set<Capability>([
    'fleet.read', 'fleet.write', 'documents.read', 'documents.write', 'assessments.read', 'assessments.write',
    'analysis.read', 'analysis.write', 'recruitment.read', 'recruitment.write', 'recruitment.feedback', 'audit.read',
  ]),
  head_of_department: new Set<Capability>([
    'fleet.read', 'documents.read', 'assessments.read', 'analysis.read', 'recruitment.read', 'recruitment.feedback',
  ]),
  recruiter: new Set<Capability>([
    'fleet.read', 'documents.read', 'documents.write', 'assessments.read', 'assessments.write', 'analysis.read',
    'recruitment.read', 'recruitment.write', 'recruitment.feedback',
  ]),
  office_viewer: new Set<Capability>(['fleet.read', 'documents.read', 'assessments.read', 'analysis.read', 'recruitment.read']),
  // The kiosk: their own questionnaire session and their own profile, decided by the kiosk rules, not by these.
  crew_member: new Set<Capability>(),
};

export function roleMay(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].has(capability);
}

/**
 * Which records a user sees. `vesselIds: null` is the whole organisation (every vessel of this installation);
 * a list narrows people, documents, results and recruitment to those vessels. A head of department sees
 * assessment results only for their department (on their vessels).
 */
export const scopeSchema = z.object({
  vesselIds: z.array(z.string().min(1)).nullable(),
  department: z.enum(DEPARTMENTS).nullable(),
});
export type Scope = z.infer<typeof scopeSchema>;
export const WHOLE_ORGANISATION: Scope = { vesselIds: null, department: null };
