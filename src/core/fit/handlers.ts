import { todayIsoDate } from '../../shared/domain/dates';
import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { traitAnova } from './anova';
import { listDecisions, recordDecision } from './decisions';
import { listLog } from './log';
import { archiveOutcome, listOutcomes, recordOutcome } from './outcomes';
import { fitSettingsView, openPositions, profilesView } from './overview';
import { activateModel, calibrationData, listModels, recalibrate } from './prediction-models';
import { archivePreset, savePreset } from './presets';
import { resetProfile, saveProfile } from './profiles';
import { explain, matches, rankPosition } from './ranking';
import { addSeaService, addVisa, archiveSeaService, archiveVisa, listSeaService, listVisas } from './records';
import { findSwaps } from './swaps';
import { runWhatIf } from './what-if';

type FitMethods =
  | 'fit.settings' | 'fit.positions' | 'fit.rank' | 'fit.explain' | 'fit.matches' | 'fit.savePreset' | 'fit.archivePreset' | 'fit.profiles' | 'fit.saveProfile' | 'fit.resetProfile'
  | 'fit.anova' | 'fit.whatIf' | 'fit.swaps' | 'fit.log' | 'fit.decide' | 'fit.decisions'
  | 'seaService.list' | 'seaService.add' | 'seaService.archive' | 'visas.list' | 'visas.add' | 'visas.archive'
  | 'outcomes.list' | 'outcomes.record' | 'outcomes.archive' | 'models.list' | 'models.recalibrate' | 'models.activate';

const sourceOf = (p: ReturnType<typeof saveProfile>) => ({ title: p.title, source: p.source.kind === 'edited' ? 'edited' : p.source.version });

export function fitHandlers(ctx: ServiceContext): HandlerGroup<FitMethods> {
  return {
    'fit.settings': () => fitSettingsView(ctx),
    'fit.positions': (input) => openPositions(ctx, input.asOf ?? todayIsoDate()),
    'fit.rank': (input) => rankPosition(ctx, input),
    'fit.explain': (input) => explain(ctx, input),
    'fit.matches': (input) => matches(ctx, input),
    'fit.savePreset': (input) => savePreset(ctx, input),
    'fit.archivePreset': ({ name }) => archivePreset(ctx, name),
    'fit.profiles': () => profilesView(ctx),
    'fit.saveProfile': ({ title, ranges }) => sourceOf(saveProfile(ctx, title, ranges)),
    'fit.resetProfile': ({ title }) => sourceOf(resetProfile(ctx, title)),
    'fit.anova': (input) => traitAnova(ctx, input),
    'fit.whatIf': (input) => runWhatIf(ctx, input),
    'fit.swaps': (input, { task }) => findSwaps(ctx, input, task),
    'fit.log': (input) => listLog(ctx, input),
    'fit.decide': (input) => recordDecision(ctx, input),
    'fit.decisions': (input) => listDecisions(ctx, input),
    'seaService.list': ({ id }) => listSeaService(ctx, id, todayIsoDate()),
    'seaService.add': (input) => addSeaService(ctx, input),
    'seaService.archive': ({ id }) => archiveSeaService(ctx, id),
    'visas.list': ({ id }) => listVisas(ctx, id),
    'visas.add': (input) => addVisa(ctx, input),
    'visas.archive': ({ id }) => archiveVisa(ctx, id),
    'outcomes.list': (input) => listOutcomes(ctx, input.vesselId),
    'outcomes.record': (input) => recordOutcome(ctx, input),
    'outcomes.archive': ({ id }) => archiveOutcome(ctx, id),
    'models.list': () => {
      const data = calibrationData(ctx);
      return { models: listModels(ctx), usable: data.rows.length, needed: data.needed, events: data.events, nonEvents: data.nonEvents };
    },
    'models.recalibrate': () => recalibrate(ctx),
    'models.activate': ({ id }) => activateModel(ctx, id),
  };
}
