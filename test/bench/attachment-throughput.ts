import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/db/database';
import { write } from '../../src/core/db/writes';
import { BlobStore } from '../../src/core/files/blob-store';
import { httpAttachmentTransport } from '../../src/core/sync/attachment-transport';
import { syncAttachments } from '../../src/core/sync/attachments';
import { syncOnce } from '../../src/core/sync/run';
import { httpTransport } from '../../src/core/sync/transport';
import { createEnrolmentCode, enrol } from '../../src/server/admin';
import { serverIdOf } from '../../src/server/store';
import type { TestServer } from '../helpers/sync-server';
import type { Reporter } from './harness';

const SCAN_BYTES = 5 * 1024 * 1024;

/**
 * A 5 MB scan (docs/sync.md#measurements): sent by one device after its row, fetched by another of the same vessel
 * after the pull; each timed from the first request to the file checked and stored.
 */
export async function attachmentThroughput(report: Reporter, dir: string, store: string, server: TestServer): Promise<void> {
  const vessel = `bench-${crypto.randomUUID().slice(0, 8)}`;
  const serverId = await serverIdOf(server.store);
  const device = async (name: string) => {
    const enrolled = await enrol(server.store, (await createEnrolmentCode(server.store, server.org.id, vessel)).code, name);
    const db = openDatabase({ file: join(dir, `${name}.db`) });
    const files = new BlobStore(join(dir, `${name}-files`));
    const run = { sqlite: () => db.sqlite, files: () => files, serverId, transport: httpAttachmentTransport(server.url, enrolled.token) };
    return { db, files, rows: () => syncOnce(() => db.sqlite, httpTransport(server.url, enrolled.token)), attachments: () => syncAttachments(run) };
  };
  const sender = await device(`scan-sender-${store}`);
  const receiver = await device(`scan-receiver-${store}`);
  const scan = randomBytes(SCAN_BYTES);
  const hash = sender.files.put(scan);
  const now = new Date().toISOString();
  write(sender.db.sqlite, () =>
    sender.db.sqlite
      .prepare("INSERT INTO people (id, given_names, surname, date_of_birth, nationalities, languages, email, photo_hash, sort_key, created_at, updated_at) VALUES (?, 'Scan', 'Bench', '1990-01-01', '[]', '[]', 'scan@example.org', ?, 'bench scan', ?, ?)")
      .run(crypto.randomUUID(), hash, now, now),
  );
  await sender.rows();
  let start = performance.now();
  const sent = await sender.attachments();
  const upload = (performance.now() - start) / 1000;
  await receiver.rows();
  start = performance.now();
  const received = await receiver.attachments();
  const download = (performance.now() - start) / 1000;
  if (sent.uploaded !== 1 || received.downloaded !== 1 || !receiver.files.get(hash).equals(scan)) throw new Error(`The scan did not travel: ${sent.problem ?? received.problem}`);
  const mb = SCAN_BYTES / 1024 / 1024;
  report({ label: `${store}: upload of a 5 MB scan`, value: mb / upload, unit: 'MB/s' });
  report({ label: `${store}: download of a 5 MB scan`, value: mb / download, unit: 'MB/s' });
  sender.db.close();
  receiver.db.close();
}
