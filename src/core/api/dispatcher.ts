import {
  contract,
  describeIssues,
  isMethod,
  issuesFromZod,
  type Envelope,
  type Method,
  type Output,
  type ParsedInput,
} from '../../shared/api';
import { OWN_RECORDS, PERMISSIONS, WHILE_LOCKED } from '../../shared/auth/permissions';
import { roleMay } from '../../shared/auth/roles';
import { issuesInWords } from '../../shared/words';
import { runAs, type Caller } from '../auth/caller';
import type { SessionGate, UserCaller } from '../auth/session-gate';
import { AppError, toAppError } from './errors';
import type { TaskHandle, TaskRegistry } from './tasks';

export interface CallContext {
  readonly task: TaskHandle;
  /** Which way the call came ('http', 'ipc', 'cli', 'in-process'): a session opened by it is labelled so. */
  readonly client: string;
}

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: CallContext) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in Method]: Handler<M> };
/** A slice of the handlers, as each domain module provides it. */
export type HandlerGroup<K extends Method> = { [M in K]: Handler<M> };

export interface DispatchOptions {
  taskId?: string;
  /** The session token the call comes with (a cookie, a bearer token, the window's, the command line's). */
  session?: string;
  /** Which way the call came, for the sessions it opens: 'http', 'ipc', 'cli'; 'in-process' when not given. */
  client?: string;
}
export type Dispatch = (method: string, input: unknown, options?: DispatchOptions) => Promise<Envelope<unknown>>;

export interface DispatcherOptions {
  handlers: Handlers;
  tasks: TaskRegistry;
  /** Check every answer against the contract (on in tests; a mismatch is a bug, reported as INTERNAL). */
  validateOutput?: boolean;
  /** Sees unexpected errors with their stack, which never crosses the boundary. */
  onInternalError?: (method: string, error: unknown) => void;
  /** Sessions and the records a crew member owns (src/core/users/gate.ts). */
  gate: SessionGate;
}

/** Procedures answered without a session while the database cannot be opened: restoring a backup is the way out. */
const RECOVERY: ReadonlySet<Method> = new Set<Method>(['backups.list', 'backups.restore']);

function refusal(reason: 'signed-out' | 'expired' | 'locked' | 'not-allowed', message: string): Envelope<unknown> {
  return { ok: false, error: { code: 'FORBIDDEN', message, details: { reason } } };
}

const SIGNED_OUT = 'Sign in to continue: this needs a signed-in user.';
const EXPIRED = 'Your session has ended: sign in again.';
const LOCKED = 'The app is locked: unlock it with your password.';
const notAllowed = (role: string): string => `Your role (${role}) does not allow this.`;

/** Validates input, runs the handler and wraps the outcome in an envelope. Never throws. */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { handlers, tasks, validateOutput = false, onInternalError, gate } = options;

  /**
   * Who is calling, or the refusal (docs/security.md#the-permission-table): the requirement of the procedure, then
   * the session's state. A crew member's own record is checked after the input is read.
   */
  function admit(method: Method, token: string | undefined): { caller: UserCaller | null; checkOwn: boolean } | Envelope<unknown> {
    const requirement = PERMISSIONS[method];
    if (gate.stateless) return { caller: null, checkOwn: false };
    if (requirement === 'public') {
      // A public procedure answers anyone; a valid session still says who (auth.state, auth.logout of a stale one).
      const state = token === undefined || !gate.available() ? null : gate.resolve(token, method, false);
      return { caller: state && state.status !== 'refused' ? state.caller : null, checkOwn: false };
    }
    if (!gate.available()) {
      // No account can be checked: a backup can still be restored (it brings its own accounts); the rest says why.
      if (RECOVERY.has(method)) return { caller: null, checkOwn: false };
      gate.assertOpen();
    }
    if (token === undefined) return refusal('signed-out', SIGNED_OUT);
    const state = gate.resolve(token, method, true);
    if (state.status === 'refused') return refusal(state.reason, state.reason === 'expired' ? EXPIRED : SIGNED_OUT);
    if (state.status === 'locked' && !WHILE_LOCKED.has(method)) return refusal('locked', LOCKED);
    const { caller } = state;
    if (requirement === 'signed-in' || roleMay(caller.role, requirement)) return { caller, checkOwn: false };
    if (OWN_RECORDS[method] !== undefined && caller.personId !== null) return { caller, checkOwn: true };
    const message = notAllowed(caller.role);
    gate.recordRefusal(caller, method, message);
    return refusal('not-allowed', message);
  }

  return async (method, rawInput, callOptions = {}) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no API method named "${method}"` } };
    }
    let admitted: ReturnType<typeof admit>;
    try {
      admitted = admit(method, callOptions.session);
    } catch (error) {
      return { ok: false, error: toAppError(error).toApiError() };
    }
    if ('ok' in admitted) return admitted;
    const procedure = contract[method];
    const parsed = procedure.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return {
        ok: false,
        // The message names each field as the form does; the issues keep the paths, for forms to place them.
        error: { code: 'VALIDATION', message: issuesInWords(issues), details: { issues } },
      };
    }

    const { caller } = admitted;
    if (admitted.checkOwn && caller) {
      const own = OWN_RECORDS[method]!;
      if (!gate.owns(caller, own, (parsed.data as Record<string, unknown>)[own.field])) {
        const message = `${notAllowed(caller.role)} A crew member answers their own questionnaires and reads their own results only.`;
        gate.recordRefusal(caller, method, message);
        return refusal('not-allowed', message);
      }
    }

    let started: ReturnType<TaskRegistry['start']>;
    try {
      started = tasks.start(method, callOptions.taskId);
    } catch (error) {
      return { ok: false, error: toAppError(error).toApiError() };
    }
    try {
      const handler = handlers[method] as Handler<Method>;
      const call = { task: started.handle, client: callOptions.client ?? 'in-process' };
      const run = () => handler(parsed.data as never, call);
      const data: unknown = await (caller ? runAs(caller as Caller, run) : run());
      if (validateOutput) {
        const checked = procedure.output.safeParse(data);
        if (!checked.success) {
          throw new Error(`output of ${method} breaks the contract: ${describeIssues(issuesFromZod(checked.error))}`);
        }
      }
      return { ok: true, data };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'INTERNAL') onInternalError?.(method, error);
      return { ok: false, error: appError.toApiError() };
    } finally {
      started.finish();
    }
  };
}

/** Thrown by `call` helpers when an envelope carries an error: keeps code and details for callers. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.data;
  throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details);
}
