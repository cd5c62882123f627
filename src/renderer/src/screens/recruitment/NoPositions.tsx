import { Link } from 'wouter';
import { useDialogs } from '../../state/ui';

/** What recruitment needs first: a vessel with positions. */
export function NoPositions() {
  const showDialog = useDialogs((s) => s.show);
  return (
    <div className="empty card">
      <h2>No positions yet</h2>
      <p>Requisitions are opened and candidates ranked for a vessel&apos;s positions: add a vessel and its positions first, or load the sample fleet.</p>
      <div className="form-actions center">
        <Link href="~/vessels" className="button">
          Go to Vessels
        </Link>
        <button type="button" onClick={() => showDialog('sample-fleet')}>
          Load the sample fleet
        </button>
      </div>
    </div>
  );
}
