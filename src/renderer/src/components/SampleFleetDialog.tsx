import { toast } from 'sonner';
import { useLocation } from 'wouter';
import { useApiQuery, useApiTask } from '../api/hooks';
import { Dialog } from './Dialog';
import { ProgressBar } from './ProgressBar';

/** Confirms, then loads the sample fleet with progress. Explains instead when the database already has vessels. */
export function SampleFleetDialog({ onClose }: { onClose(): void }) {
  const [, navigate] = useLocation();
  const vessels = useApiQuery('vessels.list', { archived: 'include' });
  const load = useApiTask('demo.load', ['vessels.', 'people.'], {
    onSuccess: (counts) => {
      toast.success(`Loaded the sample fleet: ${counts.vessels} vessels, ${counts.people} people and ${counts.documents} certificates`);
      onClose();
      navigate('/vessels');
    },
    onError: (error) => toast.error(error.message),
  });
  const existing = vessels.data?.length ?? 0;
  return (
    <Dialog title="Load the sample fleet" onClose={onClose} busy={load.isPending}>
      {existing > 0 ? (
        <p>
          This database already has {existing} vessel{existing === 1 ? '' : 's'}. The sample fleet is loaded only into an empty database, so it never mixes with
          real records. To try it, start Harmony Crew with a new data folder.
        </p>
      ) : (
        <>
          <p>
            Four yachts of different sizes with their positions and about sixty <strong>synthetic</strong> crew members (generated names, no real people): current crew on
            rotation, planned joiners, past crew and a few vacancies. You can archive any of it later.
          </p>
          {load.isPending && <ProgressBar progress={load.progress} label="Loading the sample fleet" />}
        </>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose} disabled={load.isPending}>
          {existing > 0 ? 'Close' : 'Cancel'}
        </button>
        {existing === 0 && (
          <button
            type="button"
            className="primary"
            autoFocus
            disabled={load.isPending || vessels.isPending}
            onClick={() => load.mutate({})}
          >
            Load sample fleet
          </button>
        )}
      </div>
    </Dialog>
  );
}
