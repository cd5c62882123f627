import { and, eq, isNull, or } from 'drizzle-orm';
import type { ParsedInput } from '../../shared/api';
import type { ServiceContext } from '../context';
import { applicationNotes } from '../db/schema';
import { write } from '../db/writes';
import { currentUser } from '../auth/caller';
import { currentOperator } from '../fit/operator';
import { getApplicationRow } from './applications';

/** Notes on an application (docs/recruitment.md#notes): shared ones for everyone, private ones for their author alone. */
type Row = typeof applicationNotes.$inferSelect;
type Note = Omit<Row, 'kind' | 'visibility'> & { kind: ParsedInput<'notes.add'>['kind']; visibility: ParsedInput<'notes.add'>['visibility'] };

export function addNote(ctx: ServiceContext, input: ParsedInput<'notes.add'>): Note {
  return write(ctx.sqlite(), () => {
    getApplicationRow(ctx, input.applicationId);
    const author = { author: currentOperator().operator, authorId: currentUser()?.userId ?? null };
    return ctx.db().insert(applicationNotes).values({ ...input, ...author }).returning().get() as Note;
  });
}

export function listNotes(ctx: ServiceContext, applicationId: string): Note[] {
  getApplicationRow(ctx, applicationId);
  const me = currentUser();
  // A private note is its author's account's; one written before accounts, its author name's.
  const mine = me
    ? or(eq(applicationNotes.authorId, me.userId), and(isNull(applicationNotes.authorId), eq(applicationNotes.author, currentOperator().operator)))
    : and(isNull(applicationNotes.authorId), eq(applicationNotes.author, currentOperator().operator));
  return ctx
    .db()
    .select()
    .from(applicationNotes)
    .where(and(eq(applicationNotes.applicationId, applicationId), isNull(applicationNotes.archivedAt), or(eq(applicationNotes.visibility, 'shared'), mine)))
    .orderBy(applicationNotes.createdAt)
    .all() as Note[];
}
