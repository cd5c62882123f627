import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { PipelineBoard } from './PipelineBoard';

/** Every candidate of the requisitions in progress on one board, or those of one requisition. */
export function PipelineView() {
  const requisitions = useApiQuery('requisitions.list', {});
  const [requisitionId, setRequisitionId] = useState('');
  const applications = useApiQuery('applications.list', requisitionId ? { requisitionId } : {});
  const live = new Set((requisitions.data ?? []).filter((r) => r.status === 'open' || r.status === 'paused' || r.status === 'draft').map((r) => r.id));
  const shown = (applications.data ?? []).filter((a) => requisitionId || live.has(a.requisitionId));
  return (
    <div>
      <div className="toolbar">
        <label>
          Requisition{' '}
          <select value={requisitionId} onChange={(e) => setRequisitionId(e.target.value)}>
            <option value="">All in progress</option>
            {(requisitions.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}, {r.vessel}
              </option>
            ))}
          </select>
        </label>
      </div>
      <PipelineBoard applications={shown} />
    </div>
  );
}
