import type { IncomingMessage } from 'node:http';

/**
 * Bytes of request bodies the server holds at once, across all requests: a few large uploads at the same time
 * are answered "busy" instead of growing the process without bound. A request keeps its share until its answer
 * is sent, since the parsed body lives that long.
 */
export class ByteBudget {
  #used = 0;

  constructor(readonly limit: number) {}

  get used(): number {
    return this.#used;
  }

  take(bytes: number): boolean {
    if (this.#used + bytes > this.limit) return false;
    this.#used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.#used = Math.max(0, this.#used - bytes);
  }
}

export type BodyOutcome =
  | { ok: true; text: string; held: number }
  | { ok: false; status: 413 | 503; code: 'VALIDATION' | 'BUSY'; message: string };

const MiB = 1024 * 1024;
const mib = (bytes: number) => `${Math.round(bytes / MiB)} MB`;

/**
 * Reads a request body within the per-request limit and the shared budget. A declared length is checked (and
 * reserved) before any byte is read; a body without one is counted as it arrives. On refusal the rest of the
 * body is drained without being kept, so the answer still reaches the client.
 */
export function readBody(req: IncomingMessage, maxBytes: number, budget: ByteBudget): Promise<BodyOutcome> {
  const tooLarge: BodyOutcome = { ok: false, status: 413, code: 'VALIDATION', message: `This is more than the app accepts at once: ${mib(maxBytes)} per request, which holds a file of up to about ${mib((maxBytes * 3) / 4)}.` };
  const busy = (): BodyOutcome => ({
    ok: false,
    status: 503,
    code: 'BUSY',
    message: `The app is busy reading other large files (${mib(budget.used)} of the ${mib(budget.limit)} it reads at a time). Try again when they are done.`,
  });
  const declared = Number(req.headers['content-length']);
  const known = Number.isSafeInteger(declared) && declared >= 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    let held = 0;
    let received = 0;
    let whole: Buffer | null = null;
    const chunks: Buffer[] = [];
    const release = () => {
      budget.give(held);
      held = 0;
      whole = null;
      chunks.length = 0;
    };
    const settle = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      if (!outcome.ok) {
        release();
        req.removeAllListeners('data');
        req.resume();
      }
      resolve(outcome);
    };
    if (known && declared > maxBytes) return settle(tooLarge);
    if (known) {
      if (!budget.take(declared)) return settle(busy());
      held = declared;
      // A declared length is read straight into one buffer: no list of chunks and no copy to join them.
      whole = Buffer.allocUnsafe(declared);
    }
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes || (known && received > declared)) return settle(tooLarge);
      if (whole) return void chunk.copy(whole, received - chunk.length);
      if (!budget.take(chunk.length)) return settle(busy());
      held += chunk.length;
      chunks.push(chunk);
    });
    req.once('end', () => {
      const text = (whole ?? Buffer.concat(chunks, received)).toString('utf8', 0, received);
      // The listeners live as long as the request: let the bytes go now that they are text.
      whole = null;
      chunks.length = 0;
      settle({ ok: true, text, held });
    });
    // A client that goes away mid-body gives its share back.
    const abandon = (error?: Error) => {
      if (settled) return;
      settled = true;
      release();
      reject(error ?? new Error('the client closed the connection before sending the whole request'));
    };
    req.once('error', abandon);
    req.once('close', () => abandon());
  });
}
