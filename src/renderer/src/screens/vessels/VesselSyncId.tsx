import { toast } from 'sonner';
import { words } from '../../../../shared/words';

const say = words.vesselSyncId;

/**
 * The vessel's id, for whoever manages the installation: the sync server's administrator enrols the vessel's own
 * computer with `harmony server enrol ORG --vessel ID`, and the desktop app has no address bar to read it from.
 */
export function VesselSyncId({ id }: { id: string }) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      toast.success(say.copied);
    } catch {
      toast.error(say.copyFailed);
    }
  };
  return (
    <>
      <dt>{say.label}</dt>
      <dd>
        <code data-testid="vessel-sync-id">{id}</code>{' '}
        <button type="button" className="link" onClick={() => void copy()}>
          {say.copy}
        </button>
        <div className="muted">{say.hint}</div>
      </dd>
    </>
  );
}
