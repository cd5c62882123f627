import type { Method } from '../../shared/api';
import { AppError } from '../api/errors';
import type { Handler, Handlers } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';

/**
 * Who may see what: the one place this is decided (the users-and-roles issue will make the viewer a signed-in
 * user and enforce it here). For now there are two viewers: the operator of the app, who sees everything, and
 * the person answering at the kiosk, who sees only their own session — while a session holds the kiosk, every
 * other call is refused, whichever window or tab it comes from (docs/questionnaires.md#the-kiosk).
 */
export type Viewer = { kind: 'operator' } | { kind: 'kiosk'; sessionId: string };

/** What the person at the kiosk may call, and only for the session that holds it. */
const KIOSK_METHODS: ReadonlySet<Method> = new Set<Method>([
  'system.health',
  'system.info',
  // Whether the window's session is signed in and locked, and whose it is: the app asks before drawing anything.
  'auth.state',
  'auth.me',
  'sessions.kioskState',
  'sessions.kiosk',
  'sessions.setLanguage',
  'sessions.answer',
  'sessions.report',
  'sessions.finish',
  'sessions.leave',
]);

/** The session holding the kiosk, or null (also when there is no database: recovery must stay reachable). */
export function kioskSession(ctx: ServiceContext): string | null {
  try {
    const row = statement(ctx.sqlite(), 'SELECT id FROM questionnaire_sessions WHERE kiosk_locked = 1').get() as { id: string } | undefined;
    return row?.id ?? null;
  } catch {
    return null;
  }
}

export function currentViewer(ctx: ServiceContext): Viewer {
  const sessionId = kioskSession(ctx);
  return sessionId === null ? { kind: 'operator' } : { kind: 'kiosk', sessionId };
}

/** The session a call is about, when it names one. */
function sessionOf(input: unknown): string | null {
  const fields = input as { sessionId?: unknown; id?: unknown } | null;
  const id = fields?.sessionId ?? fields?.id;
  return typeof id === 'string' ? id : null;
}

export function mayCall(viewer: Viewer, method: Method, input: unknown): boolean {
  if (viewer.kind === 'operator') return true;
  if (!KIOSK_METHODS.has(method)) return false;
  const about = sessionOf(input);
  return about === null || about === viewer.sessionId;
}

/** Every handler behind the rule above. */
export function guardedByViewer(ctx: ServiceContext, handlers: Handlers): Handlers {
  const guarded = {} as Record<Method, Handler<Method>>;
  for (const method of Object.keys(handlers) as Method[]) {
    const handler = handlers[method] as Handler<Method>;
    guarded[method] = (input, call) => {
      if (!mayCall(currentViewer(ctx), method, input)) {
        throw new AppError('FORBIDDEN', 'The kiosk is in use: a questionnaire holds the screen until the operator leaves it with the exit code.');
      }
      return handler(input, call);
    };
  }
  return guarded as Handlers;
}
