import { describe, expect, it } from 'vitest';
import {
  APPLICATION_MACHINE,
  APPLICATION_STAGES,
  canMove,
  INTERVIEW_MACHINE,
  INTERVIEW_STATUSES,
  moveProblem,
  REQUISITION_MACHINE,
  REQUISITION_STATUSES,
  type StateMachine,
} from '../../../src/shared/recruitment/pipeline';
import { words } from '../../../src/shared/words';

/**
 * Every state machine of recruitment (docs/recruitment.md#stages-and-transitions), every pair of states: the
 * valid moves are exactly the ones listed here, and every other move is refused with a message naming the moves
 * that are allowed from where it stands.
 */
const EXPECTED = {
  requisition: {
    draft: ['open', 'cancelled'],
    open: ['paused', 'filled', 'closed', 'cancelled'],
    paused: ['open', 'closed', 'cancelled'],
    filled: [],
    closed: [],
    cancelled: [],
  },
  application: {
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
  interview: {
    scheduled: ['in_progress', 'completed', 'cancelled', 'no_show'],
    in_progress: ['completed', 'cancelled'],
    completed: [],
    cancelled: [],
    no_show: [],
  },
} as const;

function everyPair<S extends string>(name: string, machine: StateMachine<S>, labels: Record<S, string>, states: readonly S[], expected: Record<S, readonly string[]>) {
  describe(`the ${name} state machine`, () => {
    const pairs = states.flatMap((from) => states.map((to) => [from, to] as const));
    it.each(pairs)('%s → %s is allowed exactly when listed, and refused naming the allowed moves otherwise', (from, to) => {
      const valid = expected[from].includes(to);
      expect(canMove(machine, from, to)).toBe(valid);
      const problem = moveProblem(machine, labels, from, to);
      if (valid) {
        expect(problem).toBeNull();
        return;
      }
      expect(problem).not.toBeNull();
      if (expected[from].length === 0) expect(problem).toContain(`${labels[from]} is final`);
      else for (const allowed of expected[from]) expect(problem).toContain(labels[allowed as S]);
    });
  });
}

everyPair('requisition', REQUISITION_MACHINE, words.requisitionStatuses, REQUISITION_STATUSES, EXPECTED.requisition);
everyPair('application', APPLICATION_MACHINE, words.applicationStages, APPLICATION_STAGES, EXPECTED.application);
everyPair('interview', INTERVIEW_MACHINE, words.interviewStatuses, INTERVIEW_STATUSES, EXPECTED.interview);

describe('refusal messages', () => {
  it('say where the thing stands, where it was asked to go and where it may go', () => {
    expect(moveProblem(APPLICATION_MACHINE, words.applicationStages, 'offered', 'sourced')).toBe('Application cannot go from Offered to Sourced; from Offered it can go to Placed, Rejected, Withdrawn');
    expect(moveProblem(REQUISITION_MACHINE, words.requisitionStatuses, 'open', 'open')).toBe('The requisition is already Open; from Open it can go to Paused, Filled, Closed, Cancelled');
    expect(moveProblem(INTERVIEW_MACHINE, words.interviewStatuses, 'completed', 'scheduled')).toBe('Interview cannot go from Completed to Scheduled: Completed is final');
  });
});
