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
import { issuesInWords } from '../../shared/words';
import { AppError, toAppError } from './errors';
import type { TaskHandle, TaskRegistry } from './tasks';

export interface CallContext {
  readonly task: TaskHandle;
}

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: CallContext) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in Method]: Handler<M> };
/** A slice of the handlers, as each domain module provides it. */
export type HandlerGroup<K extends Method> = { [M in K]: Handler<M> };

export interface DispatchOptions {
  taskId?: string;
}
export type Dispatch = (method: string, input: unknown, options?: DispatchOptions) => Promise<Envelope<unknown>>;

export interface DispatcherOptions {
  handlers: Handlers;
  tasks: TaskRegistry;
  /** Check every answer against the contract (on in tests; a mismatch is a bug, reported as INTERNAL). */
  validateOutput?: boolean;
  /** Sees unexpected errors with their stack, which never crosses the boundary. */
  onInternalError?: (method: string, error: unknown) => void;
}

/** Validates input, runs the handler and wraps the outcome in an envelope. Never throws. */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { handlers, tasks, validateOutput = false, onInternalError } = options;

  return async (method, rawInput, callOptions = {}) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no API method named "${method}"` } };
    }
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

    let started: ReturnType<TaskRegistry['start']>;
    try {
      started = tasks.start(method, callOptions.taskId);
    } catch (error) {
      return { ok: false, error: toAppError(error).toApiError() };
    }
    try {
      const handler = handlers[method] as Handler<Method>;
      const data: unknown = await handler(parsed.data as never, { task: started.handle });
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
