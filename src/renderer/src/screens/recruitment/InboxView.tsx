import { useState } from 'react';
import { Link } from 'wouter';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../format';

const PRIORITY_BADGE = { high: ['bad', 'High priority'], normal: null, low: ['', 'Low priority'] } as const;

/** Interview reminders, stage changes, feedback and certificates running out before a start: read and unread. */
export function InboxView() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useApiQuery('notifications.list', { unreadOnly });
  const mark = useApiMutation('notifications.markRead', ['notifications.']);
  const items = inbox.data?.items ?? [];
  return (
    <div>
      <div className="toolbar">
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> Unread only
        </label>
        <button type="button" disabled={!inbox.data?.unread} onClick={() => mark.mutate({ ids: items.filter((n) => n.readAt === null).map((n) => n.id) })}>
          Mark all read
        </button>
      </div>
      {inbox.isSuccess && items.length === 0 && <p className="muted card">Nothing in the inbox.</p>}
      <ul className="inbox">
        {items.map((n) => (
          <li key={n.id} className={n.readAt === null ? 'unread' : undefined}>
            {PRIORITY_BADGE[n.priority] && <span className={`badge ${PRIORITY_BADGE[n.priority]![0]}`}>{PRIORITY_BADGE[n.priority]![1]}</span>}{' '}
            <Link href={`~${n.link}`} onClick={() => n.readAt === null && mark.mutate({ ids: [n.id] })}>
              {n.title}
            </Link>
            <p className="muted">
              {n.body} · {formatDateTime(n.createdAt)}
            </p>
            <button type="button" className="link" onClick={() => mark.mutate({ ids: [n.id], read: n.readAt === null })}>
              Mark {n.readAt === null ? 'read' : 'unread'}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
