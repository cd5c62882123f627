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
const DEFAULT_MAX_BODY = 64 * 1024 * 1024;
/** One largest upload and a half: a second large one waits its turn while small calls go on. */
const DEFAULT_MAX_IN_FLIGHT = 96 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function fail(res: ServerResponse, status: number, code: 'VALIDATION' | 'FORBIDDEN' | 'UNKNOWN_METHOD' | 'BUSY', message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

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
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
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
      void (async () => {
        const input = await readInput(req, res);
        if (input === undefined) return;
        const envelope = await dispatch(match[1]!, input, taskId?.success ? { taskId: taskId.data } : {});
        sendJson(res, 200, envelope);
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
