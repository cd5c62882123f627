import type { Interview, Output } from '../../shared/api';
import { roleMay } from '../../shared/auth/roles';
import { words } from '../../shared/words';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import type { InterviewerRef } from '../db/schema/recruitment';
import { statement } from '../db/statements';
import { listUsers, userById, type UserRow } from '../users/store';

/**
 * Interviewers are user accounts (docs/recruitment.md#interviews): those who may give interview feedback
 * (`recruitment.feedback`) and work on the application's vessel. The interview keeps each one's id and name; the
 * name is what is shown where the account is not known (another computer: accounts do not travel with sync) and
 * for interviewers typed by name before accounts existed.
 */
type Directory = Output<'interviews.interviewers'>;

const vesselsOf = (row: UserRow): string[] | null => (row.scope_vessel_ids === null ? null : (JSON.parse(row.scope_vessel_ids) as string[]));

/** Why this account cannot interview for an application on the vessel, or null when it can. */
function whyNot(row: UserRow, vesselId: string, vesselName: string): string | null {
  if (row.removed_at !== null) return `${row.display_name}'s account was removed`;
  if (!roleMay(row.role, 'recruitment.feedback')) return `${row.display_name} is ${article(words.roles[row.role])}, and that role does not give interview feedback`;
  const vessels = vesselsOf(row);
  if (vessels !== null && !vessels.includes(vesselId)) return `${row.display_name} does not work on ${vesselName} (their account is for other vessels)`;
  return null;
}

const article = (role: string) => `${/^[AEIOU]/.test(role) ? 'an' : 'a'} ${role.toLowerCase()}`;

/** The colleagues who may interview for an application on this vessel, by name. */
export function interviewerDirectory(ctx: ServiceContext, vesselId: string, vesselName: string): Directory {
  return listUsers(ctx.sqlite(), false)
    .filter((row) => whyNot(row, vesselId, vesselName) === null)
    .map((row) => ({ id: row.id, name: row.display_name, role: row.role }));
}

/** The chosen accounts as stored on the interview, or VALIDATION naming each one that cannot take part. */
export function interviewerRefs(ctx: ServiceContext, ids: readonly string[], vesselId: string, vesselName: string): InterviewerRef[] {
  const unique = [...new Set(ids)];
  const rows = unique.map((id) => ({ id, row: userById(ctx.sqlite(), id) }));
  const problems = rows.map(({ id, row }) => (row === null ? `No account has the id ${id}` : whyNot(row, vesselId, vesselName))).filter((p): p is string => p !== null);
  if (problems.length > 0) {
    const message = `${problems.join('; ')}: choose interviewers from the colleagues who may interview for ${vesselName}`;
    throw new AppError('VALIDATION', message, { issues: [{ path: 'interviewers', message }] });
  }
  return rows.map(({ row }) => ({ userId: row!.id, name: row!.display_name }));
}

/** A stored list, old (plain names) or new, as refs. */
export function parseInterviewers(json: string): InterviewerRef[] {
  const stored = JSON.parse(json) as Array<InterviewerRef | string>;
  return stored.map((entry) => (typeof entry === 'string' ? { userId: null, name: entry.trim() } : entry));
}

export const foldedName = (name: string): string => name.trim().toLowerCase();

/** Whether two refs are the same interviewer: the same account, or the same name where either has none. */
export function sameInterviewer(a: InterviewerRef, b: InterviewerRef): boolean {
  return a.userId !== null && b.userId !== null ? a.userId === b.userId : foldedName(a.name) === foldedName(b.name);
}

const ACCOUNTS_SQL = 'SELECT id, display_name AS name, role FROM users';
export type Accounts = ReadonlyMap<string, { name: string; role: UserRow['role'] }>;

/** This computer's accounts by id, read once for a list of interviews. */
export const accountsById = (ctx: ServiceContext): Accounts =>
  new Map((statement(ctx.sqlite(), ACCOUNTS_SQL).all() as Array<{ id: string; name: string; role: UserRow['role'] }>).map((a) => [a.id, a]));

/**
 * The interviewers as shown: the account's present name and role when it is one of this computer's, and whether
 * their feedback is in (by account, or by name for feedback recorded before accounts).
 */
export function shownInterviewers(accounts: Accounts, refs: readonly InterviewerRef[], feedbackBy: readonly InterviewerRef[]): Interview['interviewers'] {
  return refs.map((ref) => {
    const account = ref.userId === null ? undefined : accounts.get(ref.userId);
    return { userId: ref.userId, name: account?.name ?? ref.name, role: account?.role ?? null, gaveFeedback: feedbackBy.some((f) => sameInterviewer(ref, f)) };
  });
}
