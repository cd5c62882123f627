import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { ExpiringItem } from '../../../../shared/api';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { words } from '../../../../shared/words';

const GROUPS: Array<{ window: ExpiringItem['window']; title: string }> = [
  { window: 0, title: 'Expired' },
  { window: 30, title: 'Within 30 days' },
  { window: 60, title: 'Within 60 days' },
  { window: 90, title: 'Within 90 days' },
];

/** In-app notifications: certificates expired or expiring within 90/60/30 days; refreshed every few minutes. */
export function ExpiryBell({ collapsed }: { collapsed: boolean }) {
  const expiring = useApiQuery('documents.expiring', {}, { refetchInterval: 5 * 60_000 });
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const items = expiring.data?.items ?? [];
  const urgent = items.filter((i) => i.window <= 30).length;
  const label = items.length === 0 ? 'Certificate expiries: none within 90 days' : `Certificate expiries: ${items.length} within 90 days, ${urgent} expired or within 30`;
  return (
    <div className="bell">
      <button type="button" className="bell-button" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={label} title={label}>
        <span aria-hidden>⚠</span>
        {!collapsed && ' Expiries'}
        {items.length > 0 && <span className="bell-count">{items.length}</span>}
      </button>
      {open && (
        <div className="bell-panel" role="region" aria-label="Expiring certificates">
          {items.length === 0 ? (
            <p className="muted">No verified certificate expires within 90 days.</p>
          ) : (
            GROUPS.map(({ window, title }) => {
              const group = items.filter((i) => i.window === window);
              if (group.length === 0) return null;
              return (
                <section key={window}>
                  <h3>
                    {title} ({group.length})
                  </h3>
                  <ul>
                    {group.map((item) => (
                      <li key={item.documentId}>
                        <Link href={`/crew/${item.personId}`} onClick={() => setOpen(false)}>
                          {item.personName}
                        </Link>{' '}
                        — {words.certificates[item.kind]}, {item.daysLeft < 0 ? `expired ${formatDate(item.expiresOn)}` : `${formatDate(item.expiresOn)} (${item.daysLeft} d)`}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })
          )}
        </div>
      )}
    </div>
  );
}
