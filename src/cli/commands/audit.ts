import { parseArgs } from 'node:util';
import type { AuditEntry } from '../../shared/api';
import { isAuditedTable } from '../../shared/api/audit';
import { words } from '../../shared/words';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io';
import { withCore } from '../with-core';

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'Check the audit log’s hash chain, or list its entries',
  usage: `harmony audit verify [--data-dir DIR]
harmony audit list [--person ID] [--user NAME] [--since DATE] [--until DATE] [--record KIND:ID] [--limit N] [--data-dir DIR]

verify walks the whole chain of the audit log and compares its end with the head file beside the database: it
exits 0 when the log is intact, 1 naming the first entry that is not (changed, inserted, deleted, or the last
entries missing). list prints entries newest first: --user matches part of a user's name (or a user id), --since
and --until are days (YYYY-MM-DD), --record is a kind of record and its id (people:ID, documents:ID).`,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'verify' && sub !== 'list') throw new UsageError('Say verify or list');
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        person: { type: 'string' },
        user: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        record: { type: 'string' },
        limit: { type: 'string' },
      },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected arguments: ${positionals.join(' ')}`);
    if (sub === 'verify') {
      return withCore(io, values['data-dir'], async (core) => {
        const outcome = await core.call('audit.verify', {});
        if (outcome.broken === null) {
          io.out(`The audit log is intact: ${outcome.entries} entries, the last is ${outcome.lastSeq}.`);
          return EXIT.ok;
        }
        io.err(`The audit log is broken at entry ${outcome.broken.seq}: ${words.auditBreaks[outcome.broken.kind]}. ${outcome.broken.message}`);
        return EXIT.failed;
      });
    }
    const [table, rowId] = values.record ? values.record.split(':', 2) : [undefined, undefined];
    if (values.record && (!table || !rowId || !isAuditedTable(table))) throw new UsageError('--record is a kind of record and an id, such as people:0190…');
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit is a whole number from 1 to 500');
    return withCore(io, values['data-dir'], async (core) => {
      const page = await core.call('audit.search', {
        personId: values.person,
        user: values.user,
        since: values.since,
        until: values.until,
        table: table as never,
        rowId,
        limit,
      });
      printEntries(io, page.entries, page.total);
      return EXIT.ok;
    });
  },
};

function printEntries(io: CliIo, entries: AuditEntry[], total: number): void {
  if (entries.length === 0) {
    io.out('No entries.');
    return;
  }
  for (const entry of entries) {
    const when = `${entry.at.slice(0, 10)} ${entry.at.slice(11, 19)} UTC`;
    const record = entry.table ? (words.auditTables[entry.table as keyof typeof words.auditTables] ?? entry.table) : '';
    const whose = entry.personName ? ` of ${entry.personName}` : '';
    const changes = entry.changes.map((c) => `${c.label}: ${c.beforeText || '—'} → ${c.afterText || '—'}`).join('; ');
    const detail = [entry.note, changes].filter(Boolean).join(' · ');
    io.out(`${String(entry.seq).padStart(6)}  ${when}  ${entry.actor.name}  ${words.auditActions[entry.action]} ${record}${whose}${detail ? ` — ${detail}` : ''}`);
  }
  if (total > entries.length) io.out(`(${entries.length} of ${total} entries; --limit shows more)`);
}
