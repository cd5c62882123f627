import type { TaskProgress } from '../../../shared/api';

/** A task's progress: a bar when the total is known, its message, and an indeterminate bar before the first tick. */
export function ProgressBar({ progress, label }: { progress: TaskProgress | null; label: string }) {
  const share = progress?.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  return (
    <div className="progress-block">
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} {...(share !== null ? { 'aria-valuenow': share } : {})}>
        <span style={{ width: `${share ?? 5}%` }} />
      </div>
      <p className="muted">
        {progress?.message ?? label}
        {share !== null ? ` — ${share}%` : '…'}
      </p>
    </div>
  );
}
