import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import type { CoreSort } from '../state/ui';
import '../styles/tables.css';

/** Text sorts as people read it: "Deckhand 2" before "Deckhand 10", accents and case aside. */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export type SortValue = string | number | null;

export interface Column<T> {
  id: string;
  header: string;
  cell(row: T): ReactNode;
  /** What the column sorts by; without it the column does not sort. Blanks (null) go last either way. */
  sortBy?(row: T): SortValue;
  className?: string;
}

export type SortDirection = 'ascending' | 'descending' | 'none';

/** A column heading that sorts on click (or Enter/Space): the arrow and `aria-sort` say which way it is. */
export function SortHeader({ label, direction, onSort }: { label: string; direction: SortDirection; onSort(): void }) {
  return (
    <button type="button" className="sort-header" onClick={onSort}>
      {label}
      <span aria-hidden className="sort-arrow">
        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
      </span>
    </button>
  );
}

/**
 * The heading of a column of a list sorted in the core (a list that pages): `aria-sort` and the arrow say how
 * it is sorted now; choosing it asks the core for that order.
 */
export function CoreSortHeading<S extends string>({ column, label, sort, className }: { column: S; label: string; sort: CoreSort<S>; className?: string }) {
  const direction: SortDirection = sort.sort === column ? (sort.descending ? 'descending' : 'ascending') : 'none';
  return (
    <th className={className} aria-sort={direction}>
      <SortHeader label={label} direction={direction} onSort={() => sort.sortBy(column)} />
    </th>
  );
}

interface SortableTableProps<T> {
  rows: readonly T[];
  columns: ReadonlyArray<Column<T>>;
  rowKey(row: T): string;
  caption: string;
  className?: string;
  rowClassName?(row: T): string | undefined;
  /** The column (and way) the table is sorted by when it first shows; the rows' own order otherwise. */
  initialSort?: { id: string; desc?: boolean };
}

/**
 * A table whose columns sort by clicking their heading (ascending, descending, back to the rows' own order),
 * for lists that are all on screen. The crew list, which pages from the core, sorts there and uses SortHeader.
 */
export function SortableTable<T>({ rows, columns, rowKey, caption, className = 'table', rowClassName, initialSort }: SortableTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort ? [{ id: initialSort.id, desc: initialSort.desc ?? false }] : []);
  const definitions = useMemo<Array<ColumnDef<T, SortValue | undefined>>>(
    () =>
      columns.map((column) => ({
        id: column.id,
        header: column.header,
        enableSorting: column.sortBy !== undefined,
        accessorFn: (row: T) => column.sortBy?.(row) ?? undefined,
        sortUndefined: 'last',
        sortDescFirst: false,
        sortingFn: (a, b, id) => {
          const x = a.getValue<SortValue>(id);
          const y = b.getValue<SortValue>(id);
          return typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
        },
        cell: (context) => column.cell(context.row.original),
      })),
    [columns],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; react-table re-renders us itself.
  const table = useReactTable({ data: rows as T[], columns: definitions, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel(), getRowId: rowKey });
  const classOf = new Map(columns.map((c) => [c.id, c.className]));
  return (
    <table className={className}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const direction: SortDirection = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
              return (
                <th key={header.id} className={classOf.get(header.id)} {...(header.column.getCanSort() ? { 'aria-sort': direction } : {})}>
                  {header.column.getCanSort() ? (
                    <SortHeader label={String(header.column.columnDef.header)} direction={direction} onSort={() => header.column.toggleSorting(undefined, false)} />
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} className={rowClassName?.(row.original)}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id} className={classOf.get(cell.column.id)}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
