import { useState } from 'react';
import { toast } from 'sonner';
import { Link } from 'wouter';
import type { SeaServiceInput } from '../../../../shared/api';
import { DEPARTMENTS, VESSEL_USES, type Department } from '../../../../shared/domain/crew';
import { SEA_SERVICE_KINDS, VISA_KINDS, type SeaServiceKind, type VisaKind } from '../../../../shared/fit/model';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate, formatDateTime } from '../../format';
import { Dialog } from '../Dialog';
import { words } from '../../../../shared/words';

/** What candidate fit reads about a person beyond their profile: sea service, visas, and decisions about them. */
export function PersonFitRecords({ personId, editable }: { personId: string; editable: boolean }) {
  const service = useApiQuery('seaService.list', { id: personId });
  const visas = useApiQuery('visas.list', { id: personId });
  const decisions = useApiQuery('fit.decisions', { personId });
  const [adding, setAdding] = useState<'service' | 'visa' | null>(null);
  const archiveService = useApiMutation('seaService.archive', ['seaService.'], { onSuccess: () => toast.success('Sea service removed'), onError: (e) => toast.error(e.message) });
  const archiveVisa = useApiMutation('visas.archive', ['visas.'], { onSuccess: () => toast.success('Visa removed'), onError: (e) => toast.error(e.message) });
  return (
    <>
      <div className="card">
        <div className="card-header">
          <h2>Sea service</h2>
          <Link href={`~/recruitment/person/${personId}`} className="button">
            Open positions for them
          </Link>
          {editable && (
            <button type="button" onClick={() => setAdding('service')}>
              Add sea service
            </button>
          )}
        </div>
        {service.data && service.data.length === 0 && <p className="muted">No sea service on record. Add the yachts they served on before, so their experience counts.</p>}
        {service.data && service.data.length > 0 && (
          <table className="table compact">
            <caption className="sr-only">Sea service</caption>
            <tbody>
              {service.data.map((s) => (
                <tr key={`${s.source}-${s.id}`}>
                  <td>
                    {s.positionTitle} <span className="muted">· {words.departments[s.department]}</span>
                  </td>
                  <td>
                    {s.vesselName}
                    <span className="muted">
                      {s.lengthM ? ` · ${s.lengthM} m` : ''}
                      {s.use ? ` · ${words.vesselUses[s.use]}` : ''}
                    </span>
                  </td>
                  <td>
                    {formatDate(s.startDate)} – {formatDate(s.endDate)}
                  </td>
                  <td>{s.source === 'fleet' ? <span className="badge info">{words.seaServiceSources.fleet}</span> : words.seaServiceKinds[s.kind]}</td>
                  <td>
                    {editable && s.source === 'recorded' && (
                      <button type="button" className="link" onClick={() => archiveService.mutate({ id: s.id })} aria-label={`Remove ${s.positionTitle} on ${s.vesselName}`}>
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card">
        <div className="card-header">
          <h2>Visas</h2>
          {editable && (
            <button type="button" onClick={() => setAdding('visa')}>
              Add visa
            </button>
          )}
        </div>
        {visas.data && visas.data.length === 0 && <p className="muted">No visa on record. The right to work on a vessel&apos;s cruising areas reads passports and visas.</p>}
        <ul className="reasons note">
          {visas.data?.map((v) => (
            <li key={v.id}>
              {words.visaKinds[v.kind]}, {v.expiresOn ? `until ${formatDate(v.expiresOn)}` : 'no expiry on record'}
              {v.note ? ` (${v.note})` : ''}{' '}
              {editable && (
                <button type="button" className="link" onClick={() => archiveVisa.mutate({ id: v.id })} aria-label={`Remove ${words.visaKinds[v.kind]} visa`}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
      {decisions.data && decisions.data.length > 0 && (
        <div className="card">
          <h2>Decisions about them</h2>
          <ul className="reasons note">
            {decisions.data.map((d) => (
              <li key={d.id}>
                {words.decisions[d.decision]} for {d.positionTitle} on {d.vessel}, by {d.decidedBy} on {formatDateTime(d.createdAt)}: {d.note}
                <span className="muted"> (score then {typeof d.basis.score === 'number' ? `${Math.round(d.basis.score * 100)}%` : '—'}, model {String(d.basis.model ?? '—')})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {adding === 'service' && <SeaServiceForm personId={personId} onClose={() => setAdding(null)} />}
      {adding === 'visa' && <VisaForm personId={personId} onClose={() => setAdding(null)} />}
    </>
  );
}

function SeaServiceForm({ personId, onClose }: { personId: string; onClose(): void }) {
  const [form, setForm] = useState({ vesselName: '', lengthM: '', use: '', department: 'deck' as Department, positionTitle: '', startDate: '', endDate: '', kind: 'onboard' as SeaServiceKind });
  const add = useApiMutation('seaService.add', ['seaService.'], {
    onSuccess: () => {
      toast.success('Sea service added');
      onClose();
    },
    onError: (e) => toast.error(e.message),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <Dialog title="Add sea service" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const input: SeaServiceInput = { personId, vesselName: form.vesselName, lengthM: form.lengthM ? Number(form.lengthM) : null, use: (form.use || null) as SeaServiceInput['use'], department: form.department, positionTitle: form.positionTitle, startDate: form.startDate, endDate: form.endDate, kind: form.kind };
          add.mutate(input);
        }}
      >
        <div className="form-grid">
          <label className="field">
            <span>{words.fields.vesselName}</span>
            <input value={form.vesselName} onChange={set('vesselName')} autoFocus placeholder="e.g. M/Y Aurelia" />
          </label>
          <label className="field">
            <span>Length (m), if known</span>
            <input value={form.lengthM} onChange={set('lengthM')} inputMode="decimal" />
          </label>
          <label className="field">
            <span>{words.fields.use}</span>
            <select value={form.use} onChange={set('use')}>
              <option value="">Not known</option>
              {VESSEL_USES.map((u) => (
                <option key={u} value={u}>
                  {words.vesselUses[u]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{words.fields.department}</span>
            <select value={form.department} onChange={set('department')}>
              {DEPARTMENTS.map((d) => (
                <option key={d} value={d}>
                  {words.departments[d]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{words.fields.positionTitle}</span>
            <input value={form.positionTitle} onChange={set('positionTitle')} placeholder="e.g. Stew" />
          </label>
          <label className="field">
            <span>{words.fields.kind}</span>
            <select value={form.kind} onChange={set('kind')}>
              {SEA_SERVICE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {words.seaServiceKinds[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>From</span>
            <input type="date" value={form.startDate} onChange={set('startDate')} />
          </label>
          <label className="field">
            <span>To</span>
            <input type="date" value={form.endDate} onChange={set('endDate')} />
          </label>
        </div>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={add.isPending}>
            Add
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function VisaForm({ personId, onClose }: { personId: string; onClose(): void }) {
  const [kind, setKind] = useState<VisaKind>('b1b2');
  const [expiresOn, setExpiresOn] = useState('');
  const add = useApiMutation('visas.add', ['visas.'], {
    onSuccess: () => {
      toast.success('Visa added');
      onClose();
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <Dialog title="Add a visa" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ personId, kind, expiresOn: expiresOn || null });
        }}
      >
        <div className="form-grid">
          <label className="field">
            <span>{words.fields.kind}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as VisaKind)} autoFocus>
              {VISA_KINDS.map((k) => (
                <option key={k} value={k}>
                  {words.visaKinds[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{words.fields.expiresOn}</span>
            <input type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
          </label>
        </div>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={add.isPending}>
            Add
          </button>
        </div>
      </form>
    </Dialog>
  );
}
