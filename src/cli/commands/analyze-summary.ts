import type { Output } from '../../shared/api';
import type { AnalysisSummary } from '../../shared/psychometrics';
import { inSentence, words } from '../../shared/words';

/** The readable report of `harmony analyze` (without --json): reliabilities, verdicts, pairs and notices. */
const LISTED_PEOPLE = 25;

type Report = Output<'psychometrics.analyze'>;
type Line = AnalysisSummary['scales'][number];

const f = (x: number | null, digits = 2) => (x !== null && Number.isFinite(x) ? x.toFixed(digits) : '—');
const r2 = (x: number | null) => f(x).replace(/^(-?)0\./, '$1.');

function reliabilityTable(title: string, lines: readonly Line[]): string[] {
  if (!lines.length) return [];
  const width = Math.max(...lines.map((g) => `${g.id} ${g.name}`.length), 10);
  const out = [title, `  ${''.padEnd(width)}  items  alpha  95% CI (Feldt)  std α    G6  avg r  ω total  total mean    sd`];
  for (const r of lines) {
    const ci = `${r2(r.feldt.lower)}–${r2(r.feldt.upper)}`;
    out.push(
      `  ${`${r.id} ${r.name}`.padEnd(width)}  ${String(r.items).padStart(5)}  ${r2(r.alpha.raw).padStart(5)}  ${ci.padStart(14)}  ${r2(r.alpha.std).padStart(5)}  ${r2(r.alpha.g6).padStart(4)}  ${r2(r.alpha.averageR).padStart(5)}  ${r2(r.omegaTotal).padStart(7)}  ${f(r.total.mean).padStart(10)}  ${f(r.total.sd).padStart(4)}`,
    );
    if (r.dropped.length) out.push(`  ${''.padEnd(width)}  (left out for lack of variance: ${r.dropped.join(', ')})`);
  }
  return [...out, ''];
}

export function analysisSummary(report: Report, summary: AnalysisSummary): string {
  const { instrument, people } = report;
  const counts = { valid: 0, questionable: 0, invalid: 0 };
  for (const p of people) counts[p.validity.verdict] += 1;
  const lines = [
    `${summary.title}: ${people.length} respondent${people.length === 1 ? '' : 's'}, ${instrument.items} items, answers ${instrument.min}–${instrument.max}`,
    '',
    ...reliabilityTable('Reliability of the scales', summary.scales),
    ...reliabilityTable('Reliability of the facets', summary.facets),
    `Validity: ${counts.valid} valid, ${counts.questionable} questionable, ${counts.invalid} invalid`,
  ];
  const flagged = people.filter((p) => p.validity.verdict !== 'valid');
  const listed = flagged.slice(0, LISTED_PEOPLE);
  const idWidth = Math.max(4, ...listed.map((p) => p.id.length));
  for (const person of listed) {
    const [first, ...rest] = person.validity.reasons;
    lines.push(`  ${person.id.padEnd(idWidth)}  ${inSentence(words.verdicts[person.validity.verdict]).padEnd(12)}  ${first!.message}`);
    for (const reason of rest) lines.push(`  ${''.padEnd(idWidth)}  ${''.padEnd(12)}  ${reason.message}`);
  }
  if (flagged.length > LISTED_PEOPLE) lines.push(`  … and ${flagged.length - LISTED_PEOPLE} more (--csv-out FILE lists everyone).`);
  const { pairs } = summary;
  const name = (p: { first: string; second: string; r: number | null }) => `${p.first}–${p.second} (${r2(p.r)})`;
  lines.push(
    '',
    `Psychometric synonyms: ${pairs.synonyms} item pair${pairs.synonyms === 1 ? '' : 's'} with r > ${r2(pairs.critval)}; antonyms: ${pairs.antonyms} with r < −${r2(pairs.critval)}.`,
    `  Strongest pairs: ${pairs.strongest.map(name).join(', ') || '—'}`,
    `  Most negative pairs: ${pairs.strongestNegative.map(name).join(', ') || '—'}`,
  );
  if (report.notices.length) lines.push('', 'Notes:', ...report.notices.map((n) => `  - ${n}`));
  return lines.join('\n');
}
