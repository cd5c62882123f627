import type Database from 'better-sqlite3';
import type { CellAuthor } from '../db/schema';
import { statement } from '../db/statements';

/**
 * Who wrote a value of the conflict list, in words (docs/sync.md#who-made-a-change): "captain on Aurora laptop".
 * A value written here names this computer's account; one received names the user and the device the server sent
 * with it. Accounts are each computer's own, so a received value whose user name did not travel (an older app, or
 * the core's own work) is "a user of <device>".
 */
export function authorWords(sqlite: Database.Database, author: CellAuthor | null): string {
  if (author === null) return 'someone (not recorded: the edit predates this record)';
  if (author.device === null) {
    const local = author.userId === null ? undefined : (statement(sqlite, 'SELECT username FROM users WHERE id = ?').get(author.userId) as { username: string } | undefined);
    return local ? `${local.username} on this computer` : 'this computer';
  }
  return author.userName !== null ? `${author.userName} on ${author.device}` : `a user of ${author.device}`;
}

/** The sentence the conflict list shows beside the two values. */
export function conflictAuthors(sqlite: Database.Database, keptBy: CellAuthor | null, lostBy: CellAuthor | null): { keptBy: string; lostBy: string; who: string } {
  const kept = authorWords(sqlite, keptBy);
  const lost = authorWords(sqlite, lostBy);
  return { keptBy: kept, lostBy: lost, who: `changed by ${kept}, over the edit by ${lost}` };
}
