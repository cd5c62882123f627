import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { taskIdSchema, type Envelope } from '../../shared/api';
import { securityHeaders } from '../../shared/security/content-security-policy';
import type { Dispatch } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import { ByteBudget, readBody } from './request-body';

export interface HttpTransportOptions {
  dispatch: Dispatch;
  events: EventBus;
  /** The built renderer, served at `/` for the browser preview. */
  staticDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Largest request body accepted (CSV imports travel as text). */
  maxBodyBytes?: number;
  /** Most bytes of request bodies held at once across all requests; more waiting uploads are answered BUSY. */
  maxBodyBytesInFlight?: number;
}

export interface HttpTransport {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** The session cookie of the browser preview (docs/security.md#sessions-on-each-transport). */
export const SESSION_COOKIE = 'harmony_session';
/** A client that is not a browser asks for the token in the answer with this header, and sends it as a bearer. */
export const TOKEN_HEADER = 'x-harmony-token';
const DEFAULT_MAX_BODY = 64 * 1024 * 1024;
/** One largest upload and a half: a second large one waits its turn while small calls go on. */
const DEFAULT_MAX_IN_FLIGHT = 96 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function fail(res: ServerResponse, status: number, code: 'VALIDATION' | 'FORBIDDEN' | 'UNKNOWN_METHOD' | 'BUSY', message: string, details?: unknown): void {
  sendJson(res, status, { ok: false, error: details === undefined ? { code, message } : { code, message, details } });
}

/** The session a request comes with: a bearer token first, else the preview's cookie. */
function sessionOf(req: IncomingMessage): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const bearer = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization.trim());
    return bearer?.[1] ?? '';
  }
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

const cookie = (value: string, maxAgeSeconds: number): string =>
  `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}`;

/** HTTP's status for a refusal of who is calling: 401 asks to sign in, 403 a role that may not, 429 to wait. */
function statusOf(envelope: Envelope<unknown>): number {
  if (envelope.ok || envelope.error.code !== 'FORBIDDEN') return 200;
  const reason = (envelope.error.details as { reason?: string } | undefined)?.reason;
  if (reason === 'signed-out' || reason === 'expired' || reason === 'locked' || reason === 'wrong-password') return 401;
  if (reason === 'not-allowed') return 403;
  if (reason === 'throttled') return 429;
  return 200;
}

const GRANTS = new Set(['auth.login', 'auth.createOwner']);

/**
 * The HTTP transport of the API for the browser preview and end-to-end tests: `POST /api/:method` with a JSON
 * body, events over server-sent events at `GET /api/events`. Loopback only; requests must be JSON from our own
 * origin and name our host, which keeps other web pages (CSRF, DNS rebinding) out.
 */
export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const { dispatch, events } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const budget = new ByteBudget(Math.max(options.maxBodyBytesInFlight ?? DEFAULT_MAX_IN_FLIGHT, maxBody));
  const serveStatic = options.staticDir ? sirv(options.staticDir, { dev: false, etag: true }) : null;
  let allowedHosts = new Set<string>();
  const sseClients = new Set<ServerResponse>();

  /** The JSON input of an API call, or undefined once a refusal was sent. The body's text is dropped on return. */
  async function readInput(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const body = await readBody(req, maxBody, budget);
    if (!body.ok) {
      // The rest of the body is drained unread (readBody), so the caller gets this answer instead of a reset.
      fail(res, body.status, body.code, body.message);
      return undefined;
    }
    const { held } = body;
    res.once('close', () => budget.give(held));
    try {
      return body.text.trim() === '' ? {} : JSON.parse(body.text);
    } catch {
      fail(res, 400, 'VALIDATION', 'Request body is not valid JSON');
      return undefined;
    }
  }

  const server = createServer((req, res) => {
    // Whatever the answer (page, API, error, events), no other site may frame it or sniff its type.
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    if (!allowedHosts.has(req.headers.host ?? '')) return fail(res, 403, 'FORBIDDEN', 'Unexpected Host header');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return fail(res, 403, 'FORBIDDEN', 'Cross-origin requests are not accepted');
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      const session = sessionOf(req);
      void (async () => {
        // Events name what changed, not the data; still, only a signed-in window hears them.
        const state = session === undefined ? null : await dispatch('auth.state', {}, { session });
        if (!state?.ok || (state.data as { user: unknown }).user === null) {
          return fail(res, 401, 'FORBIDDEN', 'Sign in to receive events.', { reason: 'signed-out' });
        }
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
      })();
      return;
    }

    const match = /^\/api\/([\w.-]+)$/.exec(url.pathname);
    if (match) {
      if (req.method !== 'POST') return fail(res, 405, 'VALIDATION', 'Use POST for API calls');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return fail(res, 415, 'VALIDATION', 'API calls must send Content-Type: application/json');
      }
      const taskHeader = req.headers['x-harmony-task'];
      const taskId = typeof taskHeader === 'string' ? taskIdSchema.safeParse(taskHeader) : undefined;
      if (taskId && !taskId.success) return fail(res, 400, 'VALIDATION', 'Invalid X-Harmony-Task header');
      const method = match[1]!;
      const session = sessionOf(req);
      const wantsToken = req.headers[TOKEN_HEADER] === 'bearer';
      void (async () => {
        const input = await readInput(req, res);
        if (input === undefined) return;
        const envelope = await dispatch(method, input, {
          ...(taskId?.success ? { taskId: taskId.data } : {}),
          ...(session !== undefined ? { session } : {}),
          client: wantsToken || req.headers.authorization !== undefined ? 'bearer' : 'http',
        });
        if (GRANTS.has(method) && envelope.ok && !wantsToken) {
          // The browser keeps the token where its scripts cannot read it; the answer does not carry it.
          const grant = envelope.data as { token: string | null; expiresAt: string };
          const seconds = Math.max(0, Math.floor((Date.parse(grant.expiresAt) - Date.now()) / 1000));
          res.setHeader('set-cookie', cookie(grant.token ?? '', seconds));
          grant.token = null;
          // The cookie it replaces held a session of its own: it ends rather than stay open unseen.
          if (session && req.headers.authorization === undefined) await dispatch('auth.logout', {}, { session });
        }
        if (method === 'auth.logout') res.setHeader('set-cookie', cookie('', 0));
        sendJson(res, statusOf(envelope), envelope);
      })().catch((error: unknown) => {
        if (!res.headersSent) fail(res, 400, 'VALIDATION', `Could not read the request: ${String(error)}`);
      });
      return;
    }

    if (serveStatic && (req.method === 'GET' || req.method === 'HEAD')) {
      return serveStatic(req, res, () => {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not found');
      });
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  });

  const unsubscribe = events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const client of sseClients) client.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);

  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        unsubscribe();
        for (const client of sseClients) client.end();
        sseClients.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
