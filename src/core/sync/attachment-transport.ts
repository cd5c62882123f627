import { z } from 'zod';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_SIZE_HEADER,
  attachmentStatusResponseSchema,
  attachmentUploadResponseSchema,
  MAX_ATTACHMENT_BYTES,
  type AttachmentState,
} from '../../shared/sync/attachments';
import { syncErrorSchema } from '../../shared/sync/protocol';
import { SyncFailure } from './transport';

/**
 * How a device moves files to and from its server (docs/sync.md#attachments). Apart from the rows' transport so
 * that tests may cut a transfer halfway; every answer is checked on arrival.
 */
export interface AttachmentTransport {
  status(hashes: string[]): Promise<AttachmentState[]>;
  upload(hash: string, offset: number, size: number, chunk: Uint8Array): Promise<{ received: number; complete: boolean }>;
  download(hash: string, offset: number): Promise<{ size: number; data: Buffer }>;
}

const TIMEOUT_MS = 60_000;
const sizeSchema = z.coerce.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES);

async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw new SyncFailure('UNREACHABLE', 'The sync server cannot be reached; files are kept here and sent when it can.');
  }
  if (!response.ok) {
    const refusal = syncErrorSchema.safeParse(await response.json().catch(() => null));
    if (refusal.success) throw new SyncFailure(refusal.data.error.code, refusal.data.error.message, refusal.data.error.serverTime, refusal.data.error.expected);
    throw new SyncFailure('UNREACHABLE', `The address answered, but not as a Harmony sync server (HTTP ${response.status}).`);
  }
  return response;
}

async function json<S extends z.ZodType>(response: Response, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new SyncFailure('UNREACHABLE', 'The address answered, but not as a Harmony sync server.');
  return parsed.data;
}

export function httpAttachmentTransport(serverUrl: string, token: string): AttachmentTransport {
  const base = `${serverUrl.replace(/\/+$/, '')}/v1/attachments`;
  const authorization = `Bearer ${token}`;
  return {
    async status(hashes) {
      const response = await send(`${base}/status`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ hashes }) });
      return (await json(response, attachmentStatusResponseSchema)).attachments;
    },
    async upload(hash, offset, size, chunk) {
      const response = await send(`${base}/${hash}?offset=${offset}&size=${size}`, {
        method: 'PUT',
        headers: { authorization, 'content-type': 'application/octet-stream' },
        // Bytes read from a file sit in a plain ArrayBuffer, never a shared one.
        body: chunk as Uint8Array<ArrayBuffer>,
      });
      return json(response, attachmentUploadResponseSchema);
    },
    async download(hash, offset) {
      const response = await send(`${base}/${hash}?offset=${offset}`, { headers: { authorization } });
      const size = sizeSchema.safeParse(response.headers.get(ATTACHMENT_SIZE_HEADER));
      const data = Buffer.from(await response.arrayBuffer());
      if (!size.success || data.length > ATTACHMENT_CHUNK_BYTES || offset + data.length > size.data) {
        throw new SyncFailure('UNREACHABLE', 'The server sent a file chunk that does not fit the file; it was not kept.');
      }
      return { size: size.data, data };
    },
  };
}
