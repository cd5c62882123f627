import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { todayIsoDate } from '../../../../shared/domain/dates';
import { words } from '../../../../shared/words';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { CompositionPanel } from './CompositionPanel';
import { DiagnosisPanel } from './DiagnosisPanel';
import { FitPanel } from './FitPanel';
import { HarmonyPanel } from './HarmonyPanel';
import { MemberCharts } from './MemberCharts';
import { MembersPanel } from './MembersPanel';
import { RotationPairsPanel } from './RotationPairsPanel';
import { TeamControls, type TeamSettings } from './TeamControls';
import { CohesionPanel, VolatilityPanel } from './VolatilityPanel';

/** One vessel's team dynamics: choose the group, date and norm; every figure explained and marked as advisory. */
export function TeamDynamicsView({ vesselId }: { vesselId: string }) {
  const [settings, setSettings] = useState<TeamSettings>({ asOf: todayIsoDate(), group: { kind: 'crew' }, norm: 'default', allowMixing: false });
  const [metric, setMetric] = useState<'raw' | 'z'>('z');
  const query = useApiQuery('team.dynamics', { vesselId, ...settings }, { placeholderData: keepPreviousData });
  const data = query.data;
  const shownMetric = data?.norm ? metric : 'raw';
  const withResults = data?.members.filter((m) => m.result).length ?? 0;
  return (
    <section className="page team">
      <header className="page-header">
        <div className="grow">
          <Link href="/" className="muted">
            ← Team dynamics
          </Link>
          <h1>{data ? `${data.vessel.name}: team dynamics` : 'Team dynamics'}</h1>
          {data && (
            <p className="muted">
              <Link href={`~/vessels/${vesselId}`}>Vessel details</Link> · {data.group.kind === 'department' ? words.departments[data.group.department] : words.teamGroups[data.group.kind]}, {formatDate(data.asOf)} · {data.instrument.name}
              {data.norm ? ` against ${data.norm.description.label}` : ''}
              {data.norm?.mixed ? ' (mixed populations)' : ''}
            </p>
          )}
        </div>
      </header>
      <p className="notice" role="note">
        {data?.advisory ?? 'Advisory only: these figures decide nothing about any person.'}
      </p>
      <TeamControls settings={settings} onChange={setSettings} data={data} />
      {query.isPending && <p className="muted">Working out the figures…</p>}
      {query.isError && <p className="notice bad">{query.error.message}</p>}
      {data && data.members.length === 0 && (
        <div className="empty card">
          <h2>Nobody in this group on {formatDate(data.asOf)}</h2>
          <p>Choose another date or group, or assign crew to this vessel from their profile in Crew.</p>
        </div>
      )}
      {data && data.members.length > 0 && withResults === 0 && (
        <div className="empty card">
          <h2>No questionnaire results yet</h2>
          <p>
            The figures need each member&apos;s personality questionnaire. Import the results under <Link href="~/assessments">Assessments</Link> (Import results…), or ask the crew to
            complete the questionnaire first.
          </p>
        </div>
      )}
      {data && data.members.length > 0 && (
        <div className={query.isPlaceholderData ? 'stale' : undefined} aria-busy={query.isFetching}>
          <DiagnosisPanel insights={data.diagnosis} />
          <MembersPanel data={data} />
          {withResults > 0 && (
            <>
              <CompositionPanel data={data} metric={shownMetric} onMetric={setMetric} />
              <MemberCharts data={data} metric={shownMetric} />
              <FitPanel data={data} />
              <HarmonyPanel data={data} />
            </>
          )}
          <CohesionPanel data={data} />
          <VolatilityPanel data={data} />
          <RotationPairsPanel data={data} metric={shownMetric} />
        </div>
      )}
    </section>
  );
}
