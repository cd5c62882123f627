import type { Words } from '../types';

type AccountWords = Pick<Words, 'roles' | 'capabilities' | 'refusalReasons' | 'scopeParts'>;

export const accounts: AccountWords = {
  roles: {
    owner: 'Owner',
    admin: 'Administrator',
    captain: 'Captain',
    head_of_department: 'Head of department',
    recruiter: 'Recruiter (agency)',
    office_viewer: 'Office viewer',
    crew_member: 'Crew member',
  },
  capabilities: {
    'fleet.read': 'See vessels, positions, people and assignments',
    'fleet.write': 'Change vessels, positions, people and assignments',
    'documents.read': 'See documents and certificates',
    'documents.write': 'Upload, correct, accept and reject documents',
    'assessments.read': 'See questionnaire results and profiles',
    'assessments.write': 'Import results and run questionnaires',
    'analysis.read': 'See team dynamics, candidate fit and predictions',
    'analysis.write': 'Change fit presets, role profiles, outcomes and decisions',
    'recruitment.read': 'See requisitions, applications and interviews',
    'recruitment.write': 'Run recruitment: requisitions, applications, interviews, hiring',
    'recruitment.feedback': 'Give feedback on one’s own interviews',
    'installation.manage': 'Manage users, backups, sync and settings',
    'audit.read': 'Read and check the audit log',
  },
  refusalReasons: {
    'signed-out': 'Sign in to continue.',
    expired: 'Your session has ended: sign in again.',
    locked: 'The app is locked: unlock it with your password.',
    'not-allowed': 'Your role does not allow this.',
    'wrong-password': 'The user name or the password is wrong.',
    throttled: 'Too many wrong attempts: wait before trying again.',
  },
  scopeParts: {
    wholeOrganisation: 'Whole organisation',
    noVessel: 'No vessel chosen',
    vessels: 'Aboard',
    departmentOnly: 'department only',
  },
};
