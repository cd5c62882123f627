import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useDialogs } from '../state/ui';
import { Can } from '../auth/Can';

/** The empty state of a screen that works on vessels not yet added: where to add them, or the sample fleet. */
export function StartWithVessels({ title, children }: { title: string; children: ReactNode }) {
  const showDialog = useDialogs((s) => s.show);
  return (
    <div className="empty card">
      <h2>{title}</h2>
      <p>{children}</p>
      <div className="form-actions center">
        <Link href="~/vessels" className="button">
          Go to Vessels
        </Link>
        <Can need="fleet.write">
          <button type="button" onClick={() => showDialog('sample-fleet')}>
            Load the sample fleet
          </button>
        </Can>
      </div>
    </div>
  );
}
