import { toast } from 'sonner';
import { PREDICTORS } from '../../../../shared/fit/model';
import type { Output } from '../../../../shared/api';
import { useMayCall } from '../../auth/session';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SortableTable, type Column } from '../../components/SortableTable';
import { formatDateTime } from '../../format';
import { words } from '../../../../shared/words';

const fixed = (x: unknown, digits = 3) => (typeof x === 'number' ? x.toFixed(digits) : '—');

type Model = Output<'models.list'>['models'][number];
interface Coefficient {
  part: string;
  estimate: number | null;
  standardError: number | null;
}

/** The base rate first, then each predictor in the model's own order. */
const coefficientsOf = (m: Model): Coefficient[] => [
  { part: 'Base rate', ...m.coefficients.intercept },
  ...PREDICTORS.map((p) => ({ part: words.predictors[p], ...m.coefficients[p] })),
];

const COEFFICIENT_COLUMNS: Array<Column<Coefficient>> = [
  { id: 'part', header: 'Part', sortBy: (c) => c.part, cell: (c) => c.part },
  { id: 'estimate', header: 'Coefficient (log-odds)', className: 'num', sortBy: (c) => c.estimate, cell: (c) => fixed(c.estimate) },
  { id: 'error', header: 'Standard error', className: 'num', sortBy: (c) => c.standardError, cell: (c) => fixed(c.standardError) },
];

/** The shipped research defaults and the models fitted to this fleet; the user chooses which is in use. */
export function ModelsView() {
  const models = useApiQuery('models.list', {});
  const recalibrate = useApiMutation('models.recalibrate', ['models.', 'fit.'], { onSuccess: (m) => toast.success(`Fitted ${m.version} to ${m.n} outcomes; choose it to use it`), onError: (e) => toast.error(e.message) });
  const activate = useApiMutation('models.activate', ['models.', 'fit.'], { onSuccess: (m) => toast.success(`${m.version} is now in use`), onError: (e) => toast.error(e.message) });
  const mayChoose = useMayCall('models.activate');
  const mayRecalibrate = useMayCall('models.recalibrate');
  const data = models.data;
  if (!data) return <p className="muted">Loading…</p>;
  const enough = Math.min(data.events, data.nonEvents) >= data.needed;
  return (
    <div>
      <div className="card">
        <h2>Recalibration</h2>
        <p>
          {data.usable} outcomes with every predictor known: {data.events} completed and rated well, {data.nonEvents} not. A recalibration fits the model to them by logistic regression once each
          kind reaches {data.needed}.
        </p>
        {mayRecalibrate && (
          <button type="button" className="primary" disabled={!enough || recalibrate.isPending} onClick={() => recalibrate.mutate({})}>
            Recalibrate on this fleet&apos;s outcomes
          </button>
        )}
        {!enough && <p className="muted">Record outcomes as assignments end (Outcomes); until there are enough, the research defaults are used.</p>}
      </div>
      {data.models.map((m) => (
        <section key={m.id} className="card" aria-label={`Model ${m.version}`}>
          <div className="card-header">
            <h2>
              {m.version} {m.active && <span className="badge ok">in use</span>}
            </h2>
            {!m.active && mayChoose && (
              <button type="button" onClick={() => activate.mutate({ id: m.id })}>
                Use this model
              </button>
            )}
          </div>
          <p className="muted">
            {m.shipped ? 'Research defaults shipped with the app (no local data).' : `Fitted to ${m.n} outcomes (${m.events} successes) on ${m.createdAt ? formatDateTime(m.createdAt) : '—'} by ${m.author}. Deviance ${fixed(m.fit.deviance, 1)}, McFadden R² ${fixed(m.fit.mcFaddenR2)}, Brier ${fixed(m.fit.brier)}.`}
          </p>
          <SortableTable rows={coefficientsOf(m)} columns={COEFFICIENT_COLUMNS} rowKey={(c) => c.part} caption="Coefficients" className="table compact" />
        </section>
      ))}
    </div>
  );
}
