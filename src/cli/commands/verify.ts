import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { format } from 'date-fns';
import { isIsoDate, unreadableAssessment } from '../../engine/documents';
import { DocumentVerifier } from '../../core/documents/verifier';
import { describeIssues, issuesFromZod, MAX_DOCUMENT_BYTES, personIdentitySchema, plannedTourSchema, type DocumentFields, type PersonIdentity, type PlannedTour, type VerificationResult } from '../../shared/api';
import { DOCUMENT_FIELD_LABELS, DOCUMENT_TYPE_LABELS, FITNESS_LABELS, reasonWords } from '../../shared/domain/document-words';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io';

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
    const asOf = values['as-of'] ?? format(new Date(), 'yyyy-MM-dd');
    if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a real date as YYYY-MM-DD, not "${asOf}"`);
    const person = values.person ? await readPerson(values.person) : undefined;
    const plannedTour = values.tour ? parseTour(values.tour) : undefined;

    const verifier = new DocumentVerifier();
    const results: VerificationResult[] = new Array(positionals.length);
    let finished = 0;
    try {
      // A few documents in flight keep every OCR worker busy without holding every file in memory at once.
      let next = 0;
      const lanes = Array.from({ length: Math.min(positionals.length, availableParallelism() * 2) }, async () => {
        while (next < positionals.length) {
          const index = next++;
          const file = positionals[index]!;
          results[index] = await verifyFile(verifier, file, { person, asOf, plannedTour }, (message) =>
            io.progress(`[${finished + 1}/${positionals.length}] ${basename(file)}: ${message}`),
          );
          finished += 1;
        }
      });
      await Promise.all(lanes);
    } finally {
      io.progress('');
      await verifier.close();
    }
    if (values.json) io.out(JSON.stringify(results, null, 2));
    else printReport(results, io);
    return results.every((r) => r.status === 'verified') ? EXIT.ok : EXIT.failed;
  },
};

async function readPerson(file: string): Promise<PersonIdentity> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
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

/** One file, whatever it holds: a missing or odd file is a `review` result, never a crash of the whole run. */
async function verifyFile(
  verifier: DocumentVerifier,
  file: string,
  options: { person?: PersonIdentity; asOf: string; plannedTour?: PlannedTour },
  progress: (message: string) => void,
): Promise<VerificationResult> {
  const started = performance.now();
  const failed = (reason: 'unreadable' | 'unsupported_type', message: string): VerificationResult => ({
    file,
    ...unreadableAssessment(reason, message),
    ms: Math.round(performance.now() - started),
  });
  try {
    const info = await stat(file);
    if (!info.isFile()) return failed('unreadable', `${file} is not a file.`);
    if (info.size > MAX_DOCUMENT_BYTES) return failed('unreadable', `The file is ${Math.round(info.size / 1024 / 1024)} MiB; at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB are read.`);
    const bytes = await readFile(file);
    return await verifier.verify(bytes, { fileName: file, ...options, onProgress: (_done, _total, message) => progress(message) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return failed('unreadable', `${file} does not exist.`);
    if (code === 'EACCES') return failed('unreadable', `${file} cannot be read (permission denied).`);
    return failed('unreadable', `${file} could not be verified: ${(error as Error).message}`);
  }
}

const STATUS_LABEL = { verified: 'VERIFIED', review: 'NEEDS REVIEW', rejected: 'REJECTED' } as const;

function printReport(results: VerificationResult[], io: CliIo): void {
  for (const result of results) {
    const confidence = result.confidence === null ? '' : `, OCR confidence ${Math.round(result.confidence * 100)}%`;
    io.out(`${result.file} — ${STATUS_LABEL[result.status]} (${DOCUMENT_TYPE_LABELS[result.type]}${confidence}, ${result.ms} ms)`);
    const fields = (Object.entries(result.fields) as Array<[keyof DocumentFields, DocumentFields[keyof DocumentFields]]>).map(
      ([key, value]) => `${DOCUMENT_FIELD_LABELS[key]}: ${Array.isArray(value) ? value.join('; ') || 'none' : key === 'fitness' ? FITNESS_LABELS[value as keyof typeof FITNESS_LABELS] : value}`,
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
