import { basename } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { AppError, type Core } from '../../core/core';
import { describeIssues, issuesFromZod, MAX_DOCUMENT_BYTES, personIdentitySchema, plannedTourSchema, unreadableAssessment, type DocumentFields, type Fitness, type PersonIdentity, type PlannedTour, type VerificationResult } from '../../shared/api';
import { isIsoDate, todayIsoDate } from '../../shared/domain/dates';
import { decodeText } from '../../shared/files/text-file';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io';
import { readInputFile } from '../read-file';
import { showProgress, withStatelessCore } from '../with-core';
import { reasonWords, words } from '../../shared/words';

const USAGE = `harmony verify FILE... [--person PERSON.json] [--as-of YYYY-MM-DD] [--tour START:END] [--json]

Reads passports, seaman's books, STCW certificates and ENG1 medicals (JPEG, PNG, WebP, TIFF, GIF, BMP or PDF)
offline, extracts their fields and checks them: MRZ check digits, issuing state, expiry, STCW/ENG1 validity
rules, medical restrictions and, with --person, name and date of birth.

  --person FILE   JSON { "surname", "givenNames", "dateOfBirth" } of the person the documents belong to
  --as-of DATE    the day the documents must be valid on (default: today)
  --tour S:E      a planned tour (YYYY-MM-DD:YYYY-MM-DD): documents expiring before it ends are flagged
  --json          print an array with one object per file instead of the readable report

Exit code: 0 when every document is verified, 1 when any needs review or is rejected, 2 on wrong usage.`;

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Read and check identity documents and certificates offline (OCR)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { person: { type: 'string' }, 'as-of': { type: 'string' }, tour: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    if (positionals.length === 0) throw new UsageError('Name at least one file to verify.');
    const asOf = values['as-of'] ?? todayIsoDate();
    if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a real date as YYYY-MM-DD, not "${asOf}"`);
    const person = values.person ? await readPerson(values.person) : undefined;
    const plannedTour = values.tour ? parseTour(values.tour) : undefined;

    const results = await withStatelessCore((core) => verifyAll(core, io, positionals, { person, asOf, plannedTour }));
    if (values.json) io.out(JSON.stringify(results, null, 2));
    else printReport(results, io);
    return results.every((r) => r.status === 'verified') ? EXIT.ok : EXIT.failed;
  },
};

type VerifyOptions = { person?: PersonIdentity; asOf: string; plannedTour?: PlannedTour };

/** Every file through `documents.verify`, a few at a time (enough to keep every OCR worker busy); Ctrl+C stops. */
async function verifyAll(core: Core, io: CliIo, files: string[], options: VerifyOptions): Promise<VerificationResult[]> {
  const results: VerificationResult[] = new Array(files.length);
  const running = new Set<string>();
  let next = 0;
  let finished = 0;
  let stopped = false;
  void io.interrupted.then(() => {
    stopped = true;
    for (const taskId of running) void core.call('tasks.cancel', { taskId }).catch(() => undefined);
  });
  const stop = showProgress(core, io, (taskId) => (running.has(taskId) ? `[${finished + 1}/${files.length}] ` : null));
  try {
    const lanes = Array.from({ length: Math.min(files.length, availableParallelism() * 2) }, async () => {
      while (next < files.length && !stopped) {
        const index = next++;
        const taskId = `cli-verify-${index}`;
        running.add(taskId);
        try {
          results[index] = await verifyFile(core, files[index]!, taskId, options);
        } finally {
          running.delete(taskId);
        }
        finished += 1;
      }
    });
    await Promise.all(lanes);
  } finally {
    stop();
  }
  if (stopped) throw new AppError('CANCELLED', `Stopped: ${finished} of ${files.length} documents were checked.`);
  return results;
}

async function readPerson(file: string): Promise<PersonIdentity> {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeText(await readInputFile(file, { what: 'person', maxBytes: 1024 * 1024 }), basename(file)));
  } catch (error) {
    throw new UsageError(`--person ${file}: cannot read it as JSON (${(error as Error).message})`);
  }
  const parsed = personIdentitySchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--person ${file}: ${describeIssues(issuesFromZod(parsed.error))}`);
  return parsed.data;
}

function parseTour(text: string): PlannedTour {
  const [start, end] = text.split(':');
  const parsed = plannedTourSchema.safeParse({ start, end });
  if (!parsed.success || !isIsoDate(parsed.data.start) || !isIsoDate(parsed.data.end)) {
    throw new UsageError(`--tour must be START:END as YYYY-MM-DD:YYYY-MM-DD with END not before START, not "${text}"`);
  }
  return parsed.data;
}

/** One file, whatever it holds: a missing, odd or unreadable file is a `review` result, never a crash of the whole run. */
async function verifyFile(core: Core, file: string, taskId: string, options: VerifyOptions): Promise<VerificationResult> {
  const started = performance.now();
  const failed = (message: string): VerificationResult => ({ file, ...unreadableAssessment('unreadable', message), ms: Math.round(performance.now() - started) });
  let bytes: Buffer;
  try {
    bytes = await readInputFile(file, { what: 'document', maxBytes: MAX_DOCUMENT_BYTES });
  } catch (error) {
    if (error instanceof AppError) return failed(error.message);
    throw error;
  }
  try {
    return await core.call('documents.verify', { fileName: file, contentBase64: bytes.toString('base64'), ...options }, { taskId });
  } catch (error) {
    if (error instanceof AppError && error.code !== 'CANCELLED') return failed(`${file} could not be verified: ${error.message}`);
    throw error;
  }
}

function printReport(results: VerificationResult[], io: CliIo): void {
  for (const result of results) {
    const confidence = result.confidence === null ? '' : `, OCR confidence ${Math.round(result.confidence * 100)}%`;
    io.out(`${result.file} — ${words.verificationStatuses[result.status].toUpperCase()} (${words.documentTypes[result.type]}${confidence}, ${result.ms} ms)`);
    const fields = (Object.entries(result.fields) as Array<[keyof DocumentFields, DocumentFields[keyof DocumentFields]]>).map(
      ([key, value]) => `${words.documentFields[key]}: ${Array.isArray(value) ? value.join('; ') || 'none' : key === 'fitness' ? words.fitness[value as Fitness] : value}`,
    );
    if (fields.length) io.out(`  ${fields.join(' · ')}`);
    if (result.mrz) io.out(`  MRZ ${result.mrz.join(' / ')}`);
    for (const check of result.checks) io.out(`  ${check.ok ? '✓' : '✗'} ${check.message}`);
    if (result.reasons.length) io.out(`  why: ${reasonWords(result.reasons)}`);
    io.out('');
  }
  const count = (status: VerificationResult['status']) => results.filter((r) => r.status === status).length;
  io.out(`${results.length} document(s): ${count('verified')} verified, ${count('review')} need review, ${count('rejected')} rejected`);
}
