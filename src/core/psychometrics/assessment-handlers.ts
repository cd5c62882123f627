import type { HandlerGroup } from '../api/dispatcher';
import { recordView } from '../audit/service';
import type { ServiceContext } from '../context';
import { importInstrument, listInstruments, setInstrumentArchived } from './instruments';
import { importNormTable, listNormTables, setNormTableArchived } from './norm-tables';
import { groupAnalysis, normOptions, placeResult } from './placement';
import { importResults, previewResultsImport } from './results-import';
import { listResults, resultDetail, setResultArchived } from './results';
import { readAssessmentSettings, updateAssessmentSettings } from './settings';

type AssessmentMethods =
  | 'assessments.importPreview'
  | 'assessments.import'
  | 'assessments.list'
  | 'assessments.get'
  | 'assessments.archive'
  | 'assessments.restore'
  | 'assessments.normOptions'
  | 'assessments.place'
  | 'assessments.localGroups'
  | 'assessments.settings'
  | 'assessments.updateSettings'
  | 'norms.import'
  | 'norms.list'
  | 'norms.archive'
  | 'norms.restore'
  | 'instruments.list'
  | 'instruments.import'
  | 'instruments.archive'
  | 'instruments.restore';

export function assessmentHandlers(ctx: ServiceContext): HandlerGroup<AssessmentMethods> {
  return {
    'assessments.importPreview': (input, { task }) => previewResultsImport(ctx, input, task),
    'assessments.import': async (input, { task }) => {
      const result = await importResults(ctx, input, task);
      ctx.events.emit('data.changed', { scopes: ['assessments.'] });
      return result;
    },
    'assessments.list': (query) => listResults(ctx, query),
    'assessments.get': ({ id }) => {
      const detail = resultDetail(ctx, id);
      recordView(ctx, { table: 'assessment_results', rowId: id, personId: detail.personId, what: 'Questionnaire result' });
      return detail;
    },
    'assessments.archive': ({ id }) => setResultArchived(ctx, id, true),
    'assessments.restore': ({ id }) => setResultArchived(ctx, id, false),
    'assessments.normOptions': ({ id }) => normOptions(ctx, id),
    'assessments.place': ({ id, norm, allowMixing }) => placeResult(ctx, id, norm, allowMixing),
    'assessments.localGroups': ({ instrumentId, by, minGroupSize }) => groupAnalysis(ctx, instrumentId, by, minGroupSize),
    'assessments.settings': () => readAssessmentSettings(ctx),
    'assessments.updateSettings': (value) => updateAssessmentSettings(ctx, value),
    'norms.import': (input) => importNormTable(ctx, input),
    'norms.list': (query) => listNormTables(ctx, query),
    'norms.archive': ({ id }) => setNormTableArchived(ctx, id, true),
    'norms.restore': ({ id }) => setNormTableArchived(ctx, id, false),
    'instruments.list': ({ archived }) => listInstruments(ctx, archived),
    'instruments.import': ({ contentBase64, fileName }) => importInstrument(ctx, contentBase64, fileName),
    'instruments.archive': ({ id }) => setInstrumentArchived(ctx, id, true),
    'instruments.restore': ({ id }) => setInstrumentArchived(ctx, id, false),
  };
}
