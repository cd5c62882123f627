import type { NotificationKind, Priority } from '../../shared/recruitment/pipeline';
import type { ServiceContext } from '../context';
import { notifications } from '../db/schema';

export interface NewNotification {
  kind: NotificationKind;
  priority: Priority;
  title: string;
  body: string;
  link: string;
  vesselId: string;
  personId: string;
  /** The event it reports, once: a second raise of the same key is ignored. */
  eventKey: string;
}

/** Puts a notification in the inbox, inside the caller's write. */
export function raise(ctx: ServiceContext, n: NewNotification): void {
  ctx.db().insert(notifications).values(n).onConflictDoNothing({ target: notifications.eventKey }).run();
}

export const applicationLink = (id: string) => `/recruitment/application/${id}`;
export const requisitionLink = (id: string) => `/recruitment/requisition/${id}`;
