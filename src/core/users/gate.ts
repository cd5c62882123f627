import type { Method } from '../../shared/api/contract';
import type { OwnRecord } from '../../shared/auth/permissions';
import type { SessionGate, UserCaller } from '../auth/session-gate';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';
import { recordRefusedCall } from './refusals';
import { resolveSession, whenWritable } from './sessions';

/**
 * Calls that do not count as use of a session: what a screen polls on its own (whether it is locked, the sync
 * status, the kiosk's state). A session only polled locks itself after its idle minutes.
 */
const PASSIVE: ReadonlySet<Method> = new Set<Method>(['auth.state', 'system.health', 'system.info', 'sync.status', 'sessions.kioskState', 'notifications.list']);

/** The dispatcher's view of accounts (src/core/auth/session-gate.ts). */
export function createSessionGate(ctx: ServiceContext, now: () => number, stateless: boolean): SessionGate {
  return {
    stateless,
    available: () => ctx.state.database !== null,
    assertOpen: () => void ctx.state.requireDatabase(),
    resolve: (token, method, record) => resolveSession(ctx.sqlite(), now(), token, { active: !PASSIVE.has(method), method, record }),
    owns: (caller: UserCaller, own: OwnRecord, id: unknown) => {
      if (typeof id !== 'string' || caller.personId === null) return false;
      if (own.kind === 'person') return id === caller.personId;
      const table = own.kind === 'session' ? 'questionnaire_sessions' : 'assessment_results';
      const row = statement(ctx.sqlite(), `SELECT person_id FROM ${table} WHERE id = ?`).get(id) as { person_id: string | null } | undefined;
      return row?.person_id === caller.personId;
    },
    recordRefusal: (caller, method, message) =>
      whenWritable(() => recordRefusedCall(ctx.sqlite(), now(), { userId: caller.userId, sessionId: caller.sessionId, method, message })),
  };
}
