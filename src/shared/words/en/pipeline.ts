import type { Words } from '../types';

type PipelineWords = Pick<
  Words,
  | 'requisitionStatuses'
  | 'applicationStages'
  | 'interviewStatuses'
  | 'interviewKinds'
  | 'interviewModes'
  | 'recommendations'
  | 'competencies'
  | 'noteKinds'
  | 'noteVisibilities'
  | 'notificationKinds'
  | 'priorities'
  | 'languageLevels'
>;

/** The recruitment pipeline: requisitions, stages, interviews, feedback, notes, the inbox, the CV. */
export const pipeline: PipelineWords = {
  requisitionStatuses: { draft: 'Draft', open: 'Open', paused: 'Paused', filled: 'Filled', closed: 'Closed', cancelled: 'Cancelled' },
  applicationStages: {
    sourced: 'Sourced',
    contacted: 'Contacted',
    screening: 'Screening',
    submitted: 'Submitted to vessel',
    interviewing: 'Interviewing',
    offered: 'Offered',
    placed: 'Placed',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn',
  },
  interviewStatuses: { scheduled: 'Scheduled', in_progress: 'In progress', completed: 'Completed', cancelled: 'Cancelled', no_show: 'No-show' },
  interviewKinds: { screening: 'Screening', technical: 'Technical', captain: 'Captain', head_of_department: 'Head of department' },
  interviewModes: { in_person: 'In person', video: 'Video', phone: 'Phone' },
  recommendations: { strong_hire: 'Strong hire', hire: 'Hire', maybe: 'Maybe', no_hire: 'No hire' },
  competencies: { technical: 'Technical skill', communication: 'Communication', teamwork: 'Teamwork', attitude: 'Attitude', presentation: 'Presentation' },
  noteKinds: { general: 'General', follow_up: 'Follow-up', red_flag: 'Red flag' },
  noteVisibilities: { private: 'Private', shared: 'Shared' },
  notificationKinds: { interview_reminder: 'Interview reminder', stage_change: 'Stage change', feedback_submitted: 'Feedback', certificate_expiry: 'Certificate running out' },
  priorities: { low: 'Low priority', normal: 'Normal', high: 'High priority' },
  languageLevels: { basic: 'Basic', conversational: 'Conversational', fluent: 'Fluent', native: 'Native' },
};
