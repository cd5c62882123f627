import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatHlc, nextHlc, parseHlc, receiveHlc } from '../../../src/shared/sync/hlc';
import { SYNC_SCHEMA_VERSION } from '../../../src/shared/sync/tables';

/** docs/sync.md#clocks-and-merging */
describe('hybrid logical clock stamps', () => {
  const at = (wallMs: number, counter = 0, node = 'a') => formatHlc({ wallMs, counter, node });

  it('compare as text as they compare as clocks, the node breaking ties', () => {
    const stamps = [at(9, 5), at(10, 0, 'b'), at(10, 0, 'a'), at(10, 1), at(1_800_000_000_000)];
    expect([...stamps].sort()).toEqual([at(9, 5), at(10, 0, 'a'), at(10, 0, 'b'), at(10, 1), at(1_800_000_000_000)]);
    expect(parseHlc(at(1_800_000_000_000, 42, 'n1'))).toEqual({ wallMs: 1_800_000_000_000, counter: 42, node: 'n1' });
  });

  it('never go back: a clock that stands still or runs back counts on from the last stamp', () => {
    const first = nextHlc(null, 1000, 'a');
    expect(nextHlc(first, 1000, 'a')).toBe(at(1000, 1));
    expect(nextHlc(first, 500, 'a')).toBe(at(1000, 1));
    expect(nextHlc(first, 2000, 'a')).toBe(at(2000, 0));
    expect(nextHlc(at(1000, 999_999), 1000, 'a')).toBe(at(1001, 0));
  });

  it('after receiving a stamp from a faster clock, the next local one is newer than it', () => {
    const received = receiveHlc(at(1000), at(5000, 3, 'b'), 1200, 'a');
    expect(received > at(5000, 3, 'b')).toBe(true);
    expect(nextHlc(received, 1300, 'a') > received).toBe(true);
  });
});

describe('the schema version changes travel under', () => {
  it('is the number of local migrations: a new migration needs SYNC_SCHEMA_VERSION raised with it', () => {
    const journal = JSON.parse(readFileSync('resources/migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] };
    expect(SYNC_SCHEMA_VERSION).toBe(journal.entries.length);
  });
});
