import { z } from 'zod';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_SIZE_HEADER,
  attachmentStatusResponseSchema,
  attachmentUploadResponseSchema,
  MAX_ATTACHMENT_BYTES,
  type AttachmentState,
} from '../../shared/sync/attachments';
import { answer, send, SyncFailure } from './transport';

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

const UNREACHABLE = 'The sync server cannot be reached; files are kept here and sent when it can.';
const sent = (url: string, init: RequestInit) => send(url, init, { timeoutMs: TIMEOUT_MS, unreachable: UNREACHABLE });

export function httpAttachmentTransport(serverUrl: string, token: string): AttachmentTransport {
  const base = `${serverUrl.replace(/\/+$/, '')}/v1/attachments`;
  const authorization = `Bearer ${token}`;
  return {
    async status(hashes) {
      const response = await sent(`${base}/status`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ hashes }) });
      return (await answer(response, attachmentStatusResponseSchema)).attachments;
    },
    async upload(hash, offset, size, chunk) {
      const response = await sent(`${base}/${hash}?offset=${offset}&size=${size}`, {
        method: 'PUT',
        headers: { authorization, 'content-type': 'application/octet-stream' },
        // Bytes read from a file sit in a plain ArrayBuffer, never a shared one.
        body: chunk as Uint8Array<ArrayBuffer>,
      });
      return answer(response, attachmentUploadResponseSchema);
    },
    async download(hash, offset) {
      const response = await sent(`${base}/${hash}?offset=${offset}`, { headers: { authorization } });
      const size = sizeSchema.safeParse(response.headers.get(ATTACHMENT_SIZE_HEADER));
      const data = Buffer.from(await response.arrayBuffer());
      if (!size.success || data.length > ATTACHMENT_CHUNK_BYTES || offset + data.length > size.data) {
        throw new SyncFailure('UNREACHABLE', 'The server sent a file chunk that does not fit the file; it was not kept.');
      }
      return { size: size.data, data };
    },
  };
}
