import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Core } from '../core/core';
import { MAX_CSV_BYTES, MAX_DEFINITION_BYTES, MAX_NORM_TABLE_BYTES, type AnalyzeInput, type TextFile } from '../shared/api';
import { readInputFile } from './read-file';
import { UsageError } from './io';

/**
 * The options that name an analysis's data — instrument, responses, response times, norms, response range —
 * for every command that scores questionnaire responses (`harmony analyze`, and any other built on it).
 */
export const analysisInputOptions = {
  instrument: { type: 'string' },
  keys: { type: 'string' },
  responses: { type: 'string' },
  norms: { type: 'string' },
  rt: { type: 'string' },
  min: { type: 'string' },
  max: { type: 'string' },
} as const;

export type AnalysisInputValues = { [K in keyof typeof analysisInputOptions]?: string };

export const analysisInputUsage = `  --instrument ID|FILE   a built-in instrument (ipip-neo-120) or an instrument definition (JSON)
  --keys FILE.csv        item,scale,keyed[,facet] (keyed 1/-1, +/- or plus/minus); needs --min and --max
  --responses FILE.csv   id, then one column per item in presentation order; empty or NA = unanswered
  --norms FILE.csv       scale,mean,sd[,n,source,label,population]: one comparison group per file
  --rt FILE.csv          id, then item columns with the time per item in milliseconds
  --min/--max N          the response range (overrides the instrument's)`;

/** A number option: undefined when absent, a UsageError naming the flag when it is not what `check` wants. */
export function numberOption(value: string | undefined, flag: string, check: (x: number) => boolean, expected: string): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || !check(x)) throw new UsageError(`${flag} must be ${expected}, not "${value}"`);
  return x;
}

/** A file for the core to read: its name (for messages) and its bytes. Only regular files, at most `maxBytes`. */
export async function textFile(path: string, what: string, maxBytes = MAX_CSV_BYTES): Promise<TextFile> {
  const bytes = await readInputFile(path, { what, maxBytes });
  return { fileName: basename(path), contentBase64: bytes.toString('base64') };
}

/** The response range of --min/--max, checked as usage. */
function rangeOf(values: AnalysisInputValues): { min: number; max: number } | null {
  const isWhole = (x: number) => Number.isInteger(x);
  const min = numberOption(values.min, '--min', isWhole, 'a whole number');
  const max = numberOption(values.max, '--max', isWhole, 'a whole number');
  if ((min === undefined) !== (max === undefined)) throw new UsageError('Give --min and --max together');
  if (min === undefined || max === undefined) return null;
  if (max <= min) throw new UsageError('--max must be greater than --min');
  return { min, max };
}

/** Checks the options as usage, before any file is read: wrong usage exits 2 whatever the files hold. */
export function checkAnalysisUsage(values: AnalysisInputValues): void {
  if (values.responses === undefined) throw new UsageError('--responses FILE.csv is required');
  if (values.instrument !== undefined && values.keys !== undefined) throw new UsageError('Give either --instrument or --keys, not both');
  const range = rangeOf(values);
  if (values.keys !== undefined && !range) throw new UsageError('A keys file does not say the response range: give --min and --max as well');
  if (values.instrument === undefined && values.keys === undefined) {
    throw new UsageError('Say which instrument: --instrument ipip-neo-120, --instrument FILE.json or --keys FILE.csv');
  }
}

/**
 * The data part of a `psychometrics.analyze` call from the options: the files are read here (the core decodes
 * and parses them, naming file, row and column in its errors); an instrument id is checked against the core's.
 */
export async function readAnalysisInput(core: Core, values: AnalysisInputValues): Promise<Pick<AnalyzeInput, 'instrument' | 'responses' | 'responseTimes' | 'norms' | 'range'>> {
  checkAnalysisUsage(values);
  const range = rangeOf(values);
  let instrument: AnalyzeInput['instrument'];
  if (values.keys !== undefined) instrument = { keysFile: await textFile(values.keys, 'keys', MAX_DEFINITION_BYTES) };
  else {
    const id = values.instrument!;
    const builtins = (await core.call('psychometrics.instruments', {})).map((i) => i.id);
    if (builtins.includes(id.toLowerCase())) instrument = id;
    else if (existsSync(resolve(id))) instrument = { definitionFile: await textFile(id, 'instrument', MAX_DEFINITION_BYTES) };
    else throw new UsageError(`"${id}" is neither a built-in instrument (${builtins.join(', ')}) nor an instrument definition file`);
  }
  return {
    instrument,
    responses: { file: await textFile(values.responses!, 'responses') },
    responseTimes: values.rt === undefined ? null : { file: await textFile(values.rt, 'response-time') },
    norms: values.norms === undefined ? null : { file: await textFile(values.norms, 'norms', MAX_NORM_TABLE_BYTES) },
    range,
  };
}
