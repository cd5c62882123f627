import { useState } from 'react';
import { toast } from 'sonner';
import { progressStates, type Input, type Output } from '../../../../shared/api';
import { SortableTable, type Column } from '../../components/SortableTable';
import { DEPARTMENTS, type Department } from '../../../../shared/domain/crew';
import { addDaysIso, todayIsoDate } from '../../../../shared/domain/dates';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { EnumOptions } from '../../forms/form-helpers';
import { formatDate } from '../../format';
import { PROGRESS_BADGE } from './labels';
import { PersonPicker } from './PersonPicker';
import { SessionActions } from './SessionActions';
import { words } from '../../../../shared/words';
import { Can } from '../../auth/Can';

/**
 * Campaigns (docs/questionnaires.md#campaigns): a questionnaire or a pulse survey for a vessel's crew or one
 * department, with a due date; each person invited, in progress, completed or expired.
 */
export function CampaignsView() {
  const list = useApiQuery('campaigns.list', { archived: 'exclude' });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <Can need="assessments.write">
        <CampaignForm onCreated={setOpen} />
      </Can>
      {(list.data ?? []).map((c) => (
        <section key={c.id} className="card" aria-label={c.name}>
          <div className="card-header">
            <h2>{c.name}</h2>
            <button type="button" className="link" onClick={() => setOpen(open === c.id ? null : c.id)}>
              {open === c.id ? 'Hide people' : 'Show people'}
            </button>
          </div>
          <p className="muted">
            {c.instrumentName} · {words.sessionModes[c.mode]} · due {formatDate(c.dueOn)}
            {c.anonymous ? ' · anonymous' : ''}
          </p>
          <p>
            {progressStates.map((p) => (
              <span key={p} className={`badge ${PROGRESS_BADGE[p]}`}>
                {words.progressStates[p]}: {c.counts[p]}
              </span>
            ))}
          </p>
          {open === c.id && <CampaignPeople id={c.id} />}
        </section>
      ))}
    </>
  );
}

type Session = Output<'sessions.list'>[number];

const PEOPLE_COLUMNS: Array<Column<Session>> = [
  { id: 'person', header: 'Person', sortBy: (s) => s.personName, cell: (s) => s.personName },
  {
    id: 'progress',
    header: 'Where they are',
    sortBy: (s) => progressStates.indexOf(s.progress) * 10_000 + s.answered,
    cell: (s) => (
      <>
        <span className={`badge ${PROGRESS_BADGE[s.progress]}`}>{words.progressStates[s.progress]}</span>{' '}
        <span className="muted">
          {s.answered} of {s.items}
        </span>
      </>
    ),
  },
  { id: 'next', header: 'Next', className: 'actions', cell: (s) => s.progress !== 'expired' && <SessionActions session={s} /> },
];

function CampaignPeople({ id }: { id: string }) {
  const sessions = useApiQuery('sessions.list', { campaignId: id, limit: 500 });
  return (
    <SortableTable rows={sessions.data ?? []} columns={PEOPLE_COLUMNS} rowKey={(s) => s.id} caption="People of the campaign" className="table compact" />
  );
}

function CampaignForm({ onCreated }: { onCreated(id: string): void }) {
  const vessels = useApiQuery('vessels.list', { archived: 'exclude' });
  const instruments = useApiQuery('instruments.list', { archived: 'exclude' });
  const surveys = useApiQuery('pulse.surveys', {});
  const [name, setName] = useState('');
  const [who, setWho] = useState<'crew' | 'people'>('crew');
  const [chosenPeople, setChosenPeople] = useState<Array<{ id: string; name: string }>>([]);
  const [vesselId, setVesselId] = useState('');
  const [department, setDepartment] = useState<Department | ''>('');
  const [kind, setKind] = useState<'assessment' | 'pulse'>('pulse');
  const [what, setWhat] = useState('');
  const [mode, setMode] = useState<'kiosk' | 'remote'>('kiosk');
  const [dueOn, setDueOn] = useState(addDaysIso(todayIsoDate(), 14));
  const create = useApiMutation('campaigns.create', ['campaigns.', 'sessions.'], {
    onSuccess: (c) => {
      toast.success(`${c.name}: ${c.members.length} ${c.members.length === 1 ? 'person' : 'people'} asked`);
      onCreated(c.id);
    },
    onError: (e) => toast.error(e.message),
  });
  const vessel = vesselId || vessels.data?.[0]?.id || '';
  const chosen = what || (kind === 'pulse' ? (surveys.data?.[0]?.id ?? '') : (instruments.data?.[0]?.key ?? ''));
  const submit = () => {
    const input: Input<'campaigns.create'> = {
      name,
      target: who === 'people' ? { kind: 'people', personIds: chosenPeople.map((p) => p.id) } : { kind: 'crew', vesselId: vessel, ...(department ? { department } : {}) },
      what: kind === 'pulse' ? { kind: 'pulse', surveyId: chosen, anonymous: true } : { kind: 'assessment', instrumentId: chosen, context: 'incumbent' },
      mode,
      dueOn,
    };
    create.mutate(input);
  };
  return (
    <form
      className="card"
      aria-label="New campaign"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2>New campaign</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="campaign-name">{words.fields.name}</label>
          <input id="campaign-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Wellbeing, March" />
        </div>
        <div className="field">
          <label htmlFor="campaign-who">{words.fields.target}</label>
          <select id="campaign-who" value={who} onChange={(e) => setWho(e.target.value === 'people' ? 'people' : 'crew')}>
            <option value="crew">A vessel&apos;s crew or department</option>
            <option value="people">Chosen people</option>
          </select>
        </div>
        {who === 'crew' && (
          <>
            <div className="field">
              <label htmlFor="campaign-vessel">Crew of</label>
              <select id="campaign-vessel" value={vessel} onChange={(e) => setVesselId(e.target.value)}>
                {(vessels.data ?? []).map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="campaign-department">{words.fields.department}</label>
              <select id="campaign-department" value={department} onChange={(e) => setDepartment(e.target.value as Department | '')}>
                <option value="">Whole crew</option>
                <EnumOptions values={DEPARTMENTS} labels={words.departments} />
              </select>
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="campaign-kind">{words.fields.what}</label>
          <select id="campaign-kind" value={kind} onChange={(e) => (setKind(e.target.value === 'assessment' ? 'assessment' : 'pulse'), setWhat(''))}>
            <option value="pulse">{words.sessionKinds.pulse} (anonymous)</option>
            <option value="assessment">{words.sessionKinds.assessment} (crew in post)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="campaign-what">{kind === 'pulse' ? 'Survey' : 'Instrument'}</label>
          <select id="campaign-what" value={chosen} onChange={(e) => setWhat(e.target.value)}>
            {kind === 'pulse'
              ? (surveys.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))
              : (instruments.data ?? []).map((i) => (
                  <option key={i.key} value={i.key}>
                    {i.name}
                  </option>
                ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="campaign-mode">{words.fields.mode}</label>
          <select id="campaign-mode" value={mode} onChange={(e) => setMode(e.target.value === 'remote' ? 'remote' : 'kiosk')}>
            <option value="kiosk">{words.sessionModes.kiosk}</option>
            <option value="remote">{words.sessionModes.remote}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="campaign-due">{words.fields.dueOn}</label>
          <input id="campaign-due" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </div>
      </div>
      {who === 'people' && (
        <div className="field">
          <label htmlFor="campaign-person">Add a person</label>
          <PersonPicker id="campaign-person" value={null} onChange={(p) => p && !chosenPeople.some((c) => c.id === p.id) && setChosenPeople([...chosenPeople, p])} />
          <ul aria-label="Chosen people">
            {chosenPeople.map((p) => (
              <li key={p.id}>
                {p.name}{' '}
                <button type="button" className="link" onClick={() => setChosenPeople(chosenPeople.filter((c) => c.id !== p.id))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!name.trim() || (who === 'crew' ? !vessel : chosenPeople.length === 0) || !chosen || create.isPending}>
          Create campaign
        </button>
      </div>
    </form>
  );
}
