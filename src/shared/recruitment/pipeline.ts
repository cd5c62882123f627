/**
 * The recruitment pipeline's states and the moves between them (docs/recruitment.md#stages-and-transitions).
 * The core refuses any other move and names the allowed ones; the board uses the same tables to offer moves.
 * What people read for each value is in the dictionary (src/shared/words).
 */

export const REQUISITION_STATUSES = ['draft', 'open', 'paused', 'filled', 'closed', 'cancelled'] as const;
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];

export const APPLICATION_STAGES = ['sourced', 'contacted', 'screening', 'submitted', 'interviewing', 'offered', 'placed', 'rejected', 'withdrawn'] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];
/** The stages a candidate moves forward through, in order (the board's columns before the exits). */
export const FORWARD_STAGES = ['sourced', 'contacted', 'screening', 'submitted', 'interviewing', 'offered', 'placed'] as const satisfies readonly ApplicationStage[];
/** Ways out of the pipeline; each needs a reason. */
export const EXIT_STAGES = ['rejected', 'withdrawn'] as const satisfies readonly ApplicationStage[];

export const INTERVIEW_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled', 'no_show'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export interface StateMachine<S extends string> {
  /** What the thing is called in messages ("requisition", "application"). */
  readonly noun: string;
  readonly moves: Record<S, readonly S[]>;
}

export const REQUISITION_MACHINE: StateMachine<RequisitionStatus> = {
  noun: 'requisition',
  moves: {
    draft: ['open', 'cancelled'],
    open: ['paused', 'filled', 'closed', 'cancelled'],
    paused: ['open', 'closed', 'cancelled'],
    filled: [],
    closed: [],
    cancelled: [],
  },
};

/**
 * A candidate moves forward one stage or more (an agency may submit straight from screening), never back, and
 * may leave at any live stage. Placing happens only by hiring from an offer, which creates the assignment.
 */
export const APPLICATION_MACHINE: StateMachine<ApplicationStage> = {
  noun: 'application',
  moves: {
    sourced: ['contacted', 'screening', 'submitted', 'rejected', 'withdrawn'],
    contacted: ['screening', 'submitted', 'rejected', 'withdrawn'],
    screening: ['submitted', 'rejected', 'withdrawn'],
    submitted: ['interviewing', 'offered', 'rejected', 'withdrawn'],
    interviewing: ['offered', 'rejected', 'withdrawn'],
    offered: ['placed', 'rejected', 'withdrawn'],
    placed: [],
    rejected: [],
    withdrawn: [],
  },
};

export const INTERVIEW_MACHINE: StateMachine<InterviewStatus> = {
  noun: 'interview',
  moves: {
    scheduled: ['in_progress', 'completed', 'cancelled', 'no_show'],
    in_progress: ['completed', 'cancelled'],
    completed: [],
    cancelled: [],
    no_show: [],
  },
};

export const canMove = <S extends string>(machine: StateMachine<S>, from: S, to: S): boolean => machine.moves[from].includes(to);

/** Why a move is refused, in words (`labels`, the dictionary's) naming the allowed ones; null when it is allowed. */
export function moveProblem<S extends string>(machine: StateMachine<S>, labels: Record<S, string>, from: S, to: S): string | null {
  if (canMove(machine, from, to)) return null;
  const allowed = machine.moves[from].map((s) => labels[s]);
  const what = `${machine.noun[0]!.toUpperCase()}${machine.noun.slice(1)}`;
  const head = from === to ? `The ${machine.noun} is already ${labels[from]}` : `${what} cannot go from ${labels[from]} to ${labels[to]}`;
  return allowed.length === 0 ? `${head}: ${labels[from]} is final` : `${head}; from ${labels[from]} it can go to ${allowed.join(', ')}`;
}

export const INTERVIEW_KINDS = ['screening', 'technical', 'captain', 'head_of_department'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];
export const INTERVIEW_MODES = ['in_person', 'video', 'phone'] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];

export const RECOMMENDATIONS = ['strong_hire', 'hire', 'maybe', 'no_hire'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** The competencies an interviewer rates, 1–5 each. */
export const COMPETENCIES = ['technical', 'communication', 'teamwork', 'attitude', 'presentation'] as const;
export type Competency = (typeof COMPETENCIES)[number];

export const NOTE_KINDS = ['general', 'follow_up', 'red_flag'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_VISIBILITIES = ['private', 'shared'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

export const NOTIFICATION_KINDS = ['interview_reminder', 'stage_change', 'feedback_submitted', 'certificate_expiry'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const LANGUAGE_LEVELS = ['basic', 'conversational', 'fluent', 'native'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
