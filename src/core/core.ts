import type { Input, Method, Output } from '../shared/api';
import { version } from '../../package.json';
import { createDispatcher, unwrap, type Dispatch, type DispatchOptions } from './api/dispatcher';
import { EventBus } from './api/event-bus';
import { CredentialEvents } from './auth/credential-events';
import { createHandlers } from './router';
import { TaskRegistry } from './api/tasks';
import type { ServiceContext } from './context';
import { CoreState } from './core-state';
import { logUnexpectedError } from './error-log';
import { resolveDataDir } from './paths';
import { Accounts } from './users/accounts';
import { createSessionGate } from './users/gate';
import { DEFAULT_PASSWORD_COST, type PasswordCost } from './users/passwords';
import { endSessionByToken, lockAllSessions } from './users/sessions';

/**
 * What shells (the CLI, the Electron main process) use of the core besides `createCore`: the error `call` throws,
 * how an unexpected error is logged, the data folder, files written whole, taking a file a person picked into the
 * backups folder, and the preview server.
 */
export { AppError, toAppError } from './api/errors';
export { importBackupFile } from './db/backup-import';
export { errorLogFile, logUnexpectedError } from './error-log';
export { copyDurably, renameDurably } from './files/durable';
export { resolveDataDir } from './paths';
export { startHttpTransport, type HttpTransport } from './transports/http';
export type { PasswordCost } from './users/passwords';

export interface CoreOptions {
  /** Data folder; `HARMONY_DATA_DIR` overrides it (see paths.ts). */
  dataDir?: string;
  /**
   * False for a core that only computes (`harmony analyze`, `harmony verify`): the data folder is not touched
   * and procedures that need stored data answer DB_UNAVAILABLE.
   */
  database?: boolean;
  appVersion?: string;
  /** Check every answer against the contract (on with HARMONY_VALIDATE_OUTPUT=1, as in the test suites). */
  validateOutput?: boolean;
  /** Sees unexpected errors (bugs) with their stack; by default they go to the data folder's logs/harmony.log. */
  onInternalError?: (method: string, error: unknown) => void;
  /**
   * Every call comes from the operator at this computer's command line, never from the window the kiosk shows:
   * the kiosk's rule of who may call what does not apply (docs/questionnaires.md#the-kiosk).
   */
  operatorShell?: boolean;
  /**
   * scrypt's parameters for new password hashes; by default those chosen by measurement
   * (src/core/users/passwords.ts). Tests pass a cheap one: hashes keep their parameters, so either verifies.
   */
  passwordCost?: PasswordCost;
  /** The clock of sessions and sign-in throttling, in epoch milliseconds (tests move it to expire sessions). */
  now?: () => number;
}

/** A signed-in session for in-process callers (the command line, tests). */
export interface SignedIn {
  readonly token: string;
  /** `core.call` made with this session. */
  call<M extends Method>(method: M, input: Input<M>, options?: Omit<DispatchOptions, 'session'>): Promise<Output<M>>;
}

export interface Core {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** Passwords set and used, for the keyring (src/core/auth/credential-events.ts). */
  readonly credentials: CredentialEvents;
  readonly state: CoreState;
  /** Typed call for in-process callers (CLI, tests): returns the data or throws the envelope's AppError. */
  call<M extends Method>(method: M, input: Input<M>, options?: DispatchOptions): Promise<Output<M>>;
  /** Signs in with a user name and password (throttled and recorded as any sign-in); throws FORBIDDEN if wrong. */
  signIn(username: string, password: string, client?: string): Promise<SignedIn>;
  /** `call` with a session token the caller already holds. */
  withSession(token: string): SignedIn;
  /** Locks every open session: the computer goes to sleep or its screen locks. */
  lockAllSessions(): void;
  /** Ends the session of a token the shell held (a window closed); an unknown or ended one is left alone. */
  endSession(token: string, reason: string): void;
  close(): Promise<void>;
}

/**
 * The application core, the same in the desktop app, the CLI and the browser preview. Opening never throws for
 * a bad database: the core starts in recovery mode, where `system.health` says what is wrong and backups can
 * be restored.
 */
export function createCore(options: CoreOptions = {}): Core {
  const events = new EventBus();
  const tasks = new TaskRegistry(events);
  const state = new CoreState(resolveDataDir(options.dataDir), options.appVersion ?? version, tasks);
  if (options.database ?? true) state.openDatabase();
  else state.failure = { state: 'unavailable', message: 'This command works without the database.' };

  const disposers: Array<() => void | Promise<void>> = [];
  const credentials = new CredentialEvents();
  const ctx: ServiceContext = {
    state,
    events,
    credentials,
    // One place decides which connection a service gets: during an import, anyone outside it reads committed rows.
    db: () => state.requireDatabase().current().db,
    sqlite: () => state.requireDatabase().current().sqlite,
    onClose: (dispose) => disposers.push(dispose),
  };
  const now = options.now ?? Date.now;
  const accounts = new Accounts(ctx, { passwordCost: options.passwordCost ?? DEFAULT_PASSWORD_COST, now });
  const handlers = createHandlers(ctx, { operatorShell: options.operatorShell ?? false, accounts, now });
  const dispatch = createDispatcher({
    handlers,
    tasks,
    gate: createSessionGate(ctx, now, !(options.database ?? true)),
    validateOutput: options.validateOutput ?? process.env.HARMONY_VALIDATE_OUTPUT === '1',
    onInternalError: options.onInternalError ?? ((method, error) => void logUnexpectedError(state.dataDir, method, error)),
  });

  let closed = false;
  const call: Core['call'] = async (method, input, callOptions) => unwrap(await dispatch(method, input, callOptions)) as never;
  const withSession = (token: string): SignedIn => ({ token, call: (method, input, callOptions) => call(method, input, { ...callOptions, session: token }) });
  return {
    dispatch,
    events,
    credentials,
    state,
    call,
    withSession,
    async signIn(username, password, client = 'in-process') {
      const grant = await call('auth.login', { username, password }, { client });
      // In process the grant always carries its token: only the transports keep it from their clients.
      return withSession(grant.token!);
    },
    lockAllSessions: () => {
      if (state.database) lockAllSessions(ctx.sqlite(), now());
    },
    endSession: (token, reason) => {
      if (state.database) endSessionByToken(ctx.sqlite(), now(), token, reason);
    },
    async close() {
      if (closed) return;
      closed = true;
      tasks.cancelAll();
      for (const dispose of disposers.reverse()) await dispose();
      state.closeDatabase();
    },
  };
}
