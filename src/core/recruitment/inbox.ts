import { and, desc, inArray, isNull } from 'drizzle-orm';
import { words } from '../../shared/words';
import type { Output } from '../../shared/api';
import { isCertificateKind } from '../../shared/domain/certificates';
import { formatDate } from '../../shared/domain/dates';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { allOf, andScope, drizzleCondition, personCondition, vesselCondition } from '../scope/sql';
import { nowIso } from '../db/ids';
import { notifications } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { raiseReminders } from './interviews';
import { applicationLink, raise } from './notify';

/**
 * The notifications inbox (docs/recruitment.md#notifications). Stage changes and feedback are raised as they
 * happen; reminders of interviews within a day and certificates of candidates that run out before their start
 * date are looked for whenever the inbox is read, each raised once.
 */
const LIVE_CANDIDATES_SQL = `
  SELECT a.id, a.person_id AS personId, pos.vessel_id AS vesselId, p.given_names || ' ' || p.surname AS name, r.title, r.requirements,
         coalesce(a.offer_start_date, r.start_date) AS startDate
  FROM applications a JOIN requisitions r ON r.id = a.requisition_id JOIN positions pos ON pos.id = r.position_id JOIN people p ON p.id = a.person_id
  WHERE a.archived_at IS NULL AND r.archived_at IS NULL AND a.stage NOT IN ('placed', 'rejected', 'withdrawn') AND r.status IN ('open', 'paused')`;

/** Of the kinds a person holds, the last expiry of each (null: one that never expires). */
const HELD_SQL = `SELECT kind, max(coalesce(expires_on, '9999-12-31')) AS until FROM documents WHERE person_id = ? AND archived_at IS NULL AND status != 'rejected' AND kind IS NOT NULL GROUP BY kind`;

function raiseExpiries(ctx: ServiceContext): void {
  const candidates = statement(ctx.sqlite(), LIVE_CANDIDATES_SQL).all() as Array<{ id: string; personId: string; vesselId: string; name: string; title: string; requirements: string; startDate: string }>;
  const found = candidates.flatMap((c) => {
    const held = new Map((statement(ctx.sqlite(), HELD_SQL).all(c.personId) as Array<{ kind: string; until: string }>).map((h) => [h.kind, h.until]));
    const required = (JSON.parse(c.requirements) as { certificates: string[] }).certificates.filter(isCertificateKind);
    return required.flatMap((kind) => {
      const until = held.get(kind);
      return until !== undefined && until < c.startDate ? [{ c, kind, until }] : [];
    });
  });
  if (found.length === 0) return;
  write(ctx.sqlite(), () => {
    for (const { c, kind, until } of found) {
      raise(ctx, {
        kind: 'certificate_expiry',
        priority: 'high',
        title: `${c.name}: ${words.certificates[kind]} runs out before the start`,
        body: `${c.name}'s ${words.certificates[kind]} expires on ${formatDate(until)}, before the start on ${formatDate(c.startDate)} as ${c.title}.`,
        link: applicationLink(c.id),
        vesselId: c.vesselId,
        personId: c.personId,
        eventKey: `expiry:${c.id}:${kind}:${until}:${c.startDate}`,
      });
    }
  });
}

/** Looks for reminders and expiries to raise; while an import holds the database, the inbox is read as it stands. */
function lookForNews(ctx: ServiceContext): void {
  try {
    raiseReminders(ctx);
    raiseExpiries(ctx);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'DB_LOCKED')) throw error;
  }
}

/** The notifications about a vessel and a person the signed-in user sees, or null for all (docs/security.md#scope). */
function inScope(): string | null {
  const vessel = vesselCondition('notifications.vessel_id');
  const person = personCondition('notifications.person_id');
  return allOf(vessel && `notifications.vessel_id IS NULL OR ${vessel}`, person && `notifications.person_id IS NULL OR ${person}`);
}

export function inbox(ctx: ServiceContext, unreadOnly: boolean): Output<'notifications.list'> {
  lookForNews(ctx);
  const seen = inScope();
  const all = ctx
    .db()
    .select()
    .from(notifications)
    .where(and(unreadOnly ? isNull(notifications.readAt) : undefined, drizzleCondition(seen)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(200)
    .all();
  const unread = (statement(ctx.sqlite(), `SELECT count(*) AS n FROM notifications WHERE read_at IS NULL AND archived_at IS NULL${andScope(seen)}`).get() as { n: number }).n;
  return { items: all.map(({ eventKey: _key, vesselId: _vessel, personId: _person, ...n }) => n), unread };
}

export function markRead(ctx: ServiceContext, ids: readonly string[], read: boolean): { changed: number } {
  if (ids.length === 0) return { changed: 0 };
  return write(ctx.sqlite(), () => ({ changed: ctx.db().update(notifications).set({ readAt: read ? nowIso() : null }).where(and(inArray(notifications.id, [...ids]), drizzleCondition(inScope()))).run().changes }));
}
