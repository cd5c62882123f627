import type Database from 'better-sqlite3';
import type { SnapshotPage } from '../../shared/sync/snapshot-protocol';
import { assertNoLongWrite } from '../db/writes';
import { applySnapshotPage, snapshotInProgress } from './apply-snapshot';
import { SyncFailure, type SyncTransport } from './transport';

/**
 * Reads a feed from a snapshot, page by page (docs/sync.md#snapshots-and-compaction), from where a cut one
 * stopped. The next page is asked for before this one is applied: the server builds it while SQLite writes.
 */
export async function takeSnapshot(
  sqlite: () => Database.Database,
  transport: SyncTransport,
  feed: string,
  onPage: (applied: number, tables: Set<string>) => void,
): Promise<number> {
  const resumed = snapshotInProgress(sqlite(), feed);
  let pending: Promise<SnapshotPage> = transport.snapshot({ feed, asOf: resumed?.asOf ?? null, after: resumed?.after ?? null });
  let applied = 0;
  for (;;) {
    const page = await pending;
    if (page.feed !== feed) throw new SyncFailure('UNREACHABLE', 'The server answered with a snapshot of another feed.');
    let next: Promise<SnapshotPage> | null = null;
    if (page.next) {
      next = transport.snapshot({ feed, asOf: page.asOf, after: page.next });
      // Awaited below; a failure while this page is applied must not surface as an unhandled rejection.
      next.catch(() => undefined);
    }
    assertNoLongWrite(sqlite());
    const count = applySnapshotPage(sqlite(), page);
    applied += count;
    onPage(applied, new Set(page.groups.map((g) => g.table)));
    if (!next) return applied;
    pending = next;
  }
}
