import type { Words } from '../types';

type SystemWords = Pick<Words, 'databaseStates' | 'syncPhases' | 'vesselSyncId' | 'backupReasons' | 'records'>;

export const system: SystemWords = {
  databaseStates: {
    ok: 'The database is open',
    locked: 'The database is locked',
    corrupt: 'The database file is damaged',
    unavailable: 'The database could not be opened',
  },
  syncPhases: {
    push: 'changes sent',
    pull: 'changes received',
    upload: 'files sent',
    download: 'files received',
  },
  vesselSyncId: {
    label: 'Vessel id for sync enrolment',
    hint: 'The sync server’s administrator enrols this vessel’s own computer with it.',
    copy: 'Copy',
    copied: 'Vessel id copied. Give it to the sync server’s administrator to enrol this vessel’s computer.',
    copyFailed: 'Could not copy: select the id and copy it by hand.',
  },
  backupReasons: {
    manual: 'Backed up by hand',
    imported: 'Taken from a file',
    'before-migration': 'Before an upgrade',
    'before-restore': 'Before a restore',
    'before-encryption': 'Before the stored files were encrypted',
    damaged: 'A damaged database, kept aside',
  },
  records: {
    requisition: 'requisition',
    application: 'application',
    interview: 'interview',
    vessel: 'vessel',
    position: 'position',
    person: 'person',
    assignment: 'assignment',
    document: 'document',
    assessmentResult: 'questionnaire result',
    instrument: 'instrument',
    normTable: 'norm table',
    outcome: 'outcome',
    seaService: 'sea-service entry',
    visa: 'visa',
    predictionModel: 'prediction model',
    backup: 'backup',
    session: 'questionnaire session',
    campaign: 'campaign',
    pulseSchedule: 'pulse survey schedule',
    user: 'user account',
  },
};
