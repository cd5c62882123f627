import { Fragment, useState } from 'react';
import type { AuditEntry } from '../../../../shared/api';
import { words } from '../../../../shared/words';
import { SortableTable, type Column } from '../../components/SortableTable';
import { formatDateTime } from '../../format';

/** What kind of record an entry is about, in words ("Document"), or nothing for the installation itself. */
export const recordWord = (entry: AuditEntry): string =>
  entry.table === null ? '' : (words.auditTables[entry.table as keyof typeof words.auditTables] ?? words.columns.unnamed!);

const who = (entry: AuditEntry): string => (entry.actor.kind === 'system' ? `${words.auditActorKinds.system}: ${entry.actor.name}` : entry.actor.name);

/** An entry's values before and after, a field a line, named as the forms name them. */
export function EntryChanges({ entry }: { entry: AuditEntry }) {
  if (entry.changes.length === 0) return entry.note ? <p className="muted">{entry.note}</p> : null;
  return (
    <table className="table audit-changes">
      <caption className="sr-only">Values before and after</caption>
      <thead>
        <tr>
          <th>Field</th>
          <th>Before</th>
          <th>After</th>
        </tr>
      </thead>
      <tbody>
        {entry.changes.map((change) => (
          <tr key={change.column}>
            <th scope="row">{change.label}</th>
            <td className="audit-value">{change.beforeText || '—'}</td>
            <td className="audit-value">{change.afterText || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Entries in a table that sorts by its columns; **Details** opens an entry's values before and after beneath it.
 * `showPerson` is off where every entry is one person's.
 */
export function AuditEntries({ entries, caption, showPerson = true }: { entries: readonly AuditEntry[]; caption: string; showPerson?: boolean }) {
  const [open, setOpen] = useState<number | null>(null);
  const columns: Array<Column<AuditEntry>> = [
    { id: 'seq', header: 'No.', cell: (e) => e.seq, sortBy: (e) => e.seq, className: 'num' },
    { id: 'at', header: 'When', cell: (e) => formatDateTime(e.at), sortBy: (e) => e.at },
    { id: 'who', header: 'Who', cell: who, sortBy: who },
    { id: 'action', header: 'Action', cell: (e) => words.auditActions[e.action], sortBy: (e) => words.auditActions[e.action] },
    { id: 'record', header: 'Record', cell: recordWord, sortBy: (e) => recordWord(e) || null },
    ...(showPerson ? [{ id: 'person', header: 'Person', cell: (e: AuditEntry) => e.personName ?? '', sortBy: (e: AuditEntry) => e.personName }] : []),
    {
      id: 'details',
      header: 'Details',
      cell: (e) =>
        e.changes.length === 0 && !e.note ? null : (
          <button type="button" className="link" aria-expanded={open === e.seq} onClick={() => setOpen(open === e.seq ? null : e.seq)}>
            {e.changes.length > 0 ? `${e.changes.length} field${e.changes.length === 1 ? '' : 's'}` : 'Note'}
          </button>
        ),
    },
  ];
  const opened = entries.find((e) => e.seq === open);
  return (
    <Fragment>
      <SortableTable rows={entries} columns={columns} rowKey={(e) => String(e.seq)} caption={caption} />
      {opened && (
        <section className="card" aria-label={`Entry ${opened.seq}`}>
          <h3>
            Entry {opened.seq}: {words.auditActions[opened.action]} {recordWord(opened).toLowerCase()}
            {opened.personName ? ` of ${opened.personName}` : ''} by {who(opened)}, {formatDateTime(opened.at)}
          </h3>
          {opened.note && opened.changes.length > 0 && <p className="muted">{opened.note}</p>}
          <EntryChanges entry={opened} />
        </section>
      )}
    </Fragment>
  );
}
