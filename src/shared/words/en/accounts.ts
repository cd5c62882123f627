import type { Words } from '../types';

type AccountWords = Pick<Words, 'roles' | 'capabilities' | 'scopeParts' | 'signInReasons'>;

export const accounts: AccountWords = {
  roles: {
    owner: 'Owner',
    admin: 'Administrator',
    captain: 'Captain',
    head_of_department: 'Head of department',
    recruiter: 'Recruiter (agency)',
    office_viewer: 'Office viewer',
    crew_member: 'Crew member (questionnaires only)',
  },
  capabilities: {
    'fleet.read': 'See vessels, positions and crew',
    'fleet.write': 'Change vessels, positions, crew and rotations',
    'documents.read': 'See documents and certificates',
    'documents.write': 'Upload and review documents',
    'assessments.read': 'See questionnaire results and profiles',
    'assessments.write': 'Import results and run questionnaires',
    'analysis.read': 'See team dynamics, fit and predictions',
    'analysis.write': 'Change fit settings, outcomes and decisions',
    'recruitment.read': 'See requisitions and candidates',
    'recruitment.write': 'Run requisitions, interviews and hires',
    'recruitment.feedback': 'Give feedback on their own interviews',
    'installation.manage': 'Manage users, backups, sync and settings',
    'audit.read': 'Read the audit log',
  },
  scopeParts: {
    wholeOrganisation: 'Whole organisation',
    noVessel: 'No vessel chosen',
    vessels: 'Aboard',
    departmentOnly: 'department only',
  },
  signInReasons: {
    'signed-out': 'You are signed out. Sign in to go on.',
    expired: 'Your session has ended. Sign in again to go on.',
    locked: 'Harmony Crew is locked.',
    'not-allowed': 'Your role does not allow this.',
  },
};
