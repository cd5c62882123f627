import type { Issue, ParsedInput, TextFile } from '../../shared/api';
import { decodeText } from '../../shared/files/text-file';
import type { InstrumentDefinition } from '../../shared/psychometrics';
import {
  asInputError,
  parseInstrumentJson,
  parseKeysCsv,
  parseNormsCsv,
  parseResponsesCsv,
  parseResponseTimesCsv,
  PsychometricsInputError,
  responsesFromRows,
  responseTimesFromRows,
  type AnalysisInput,
} from '../../engine/psychometrics';

type AnalyzeInput = ParsedInput<'psychometrics.analyze'>;

/** What an analysis reads its data from: the call's parts, with a built-in instrument already looked up. */
export type AnalysisSources = Pick<AnalyzeInput, 'responses' | 'responseTimes' | 'norms' | 'range'> & {
  instrument: InstrumentDefinition | { definitionFile: TextFile } | { keysFile: TextFile };
};

export type ReadSources =
  | { ok: true; title: string; input: Omit<AnalysisInput, 'options'> }
  | { ok: false; message: string; issues: Issue[] };

/** A caller's file name is only a label: no folders, whatever they sent. */
export const fileLabel = (file: TextFile) => file.fileName.split(/[\\/]/).pop() || 'the file';
const labelOf = fileLabel;
const textOf = (file: TextFile) => decodeText(Buffer.from(file.contentBase64, 'base64'), labelOf(file));

function instrumentOf(source: AnalysisSources['instrument'], range: { min: number; max: number } | undefined): InstrumentDefinition {
  if ('definitionFile' in source) return parseInstrumentJson(textOf(source.definitionFile), labelOf(source.definitionFile));
  if ('keysFile' in source) {
    const label = labelOf(source.keysFile);
    if (!range) throw new PsychometricsInputError(`${label} does not say the response range: give it as well`, [{ path: 'range', message: 'needed with a keys file' }]);
    return parseKeysCsv(textOf(source.keysFile), { id: label.replace(/\.[^.]*$/, '') || label, range, source: label });
  }
  return source;
}

/**
 * Reads and checks everything an analysis needs: files are decoded and parsed here, which runs in a worker
 * thread (a 60 MB responses file must not hold up the thread that answers calls). Bad input comes back as data,
 * naming file, row and column; worker threads carry no error classes.
 */
export function readAnalysisSources(sources: AnalysisSources): ReadSources {
  try {
    const range = sources.range ?? undefined;
    const instrument = instrumentOf(sources.instrument, range);
    const { layout, responses } =
      'file' in sources.responses
        ? parseResponsesCsv(textOf(sources.responses.file), instrument, { source: labelOf(sources.responses.file), ...(range ? { range } : {}) })
        : responsesFromRows(instrument, sources.responses.items, sources.responses.rows, range);
    const rt = sources.responseTimes;
    const times =
      rt === null ? null : 'file' in rt ? parseResponseTimesCsv(textOf(rt.file), layout, responses, labelOf(rt.file)) : responseTimesFromRows(layout, responses, rt.items, rt.rows);
    const norms = sources.norms === null ? null : 'file' in sources.norms ? parseNormsCsv(textOf(sources.norms.file), instrument, labelOf(sources.norms.file)) : sources.norms;
    return { ok: true, title: instrument.name ?? instrument.id, input: { layout, responses, times, norms } };
  } catch (error) {
    const input = asInputError(error);
    if (input instanceof PsychometricsInputError) return { ok: false, message: input.message, issues: input.issues };
    throw error;
  }
}
