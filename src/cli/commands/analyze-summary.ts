import type { AnalysisResult, Reliability, ScaleLayout } from '../../engine/psychometrics';

/** The readable report of `harmony analyze` (without --json): reliabilities, verdicts, pairs and notices. */
const LISTED_PEOPLE = 25;

const f = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const r2 = (x: number) => f(x).replace(/^(-?)0\./, '$1.');

function reliabilityTable(title: string, groups: readonly ScaleLayout[], rows: readonly Reliability[]): string[] {
  if (!groups.length) return [];
  const width = Math.max(...groups.map((g) => `${g.id} ${g.name}`.length), 10);
  const lines = [
    title,
    `  ${''.padEnd(width)}  items  alpha  95% CI (Feldt)  std.a    G6  avg r  omega_t  total mean    sd`,
  ];
  groups.forEach((g, i) => {
    const r = rows[i]!;
    const ci = `${r2(r.feldt.lower)}–${r2(r.feldt.upper)}`;
    lines.push(
      `  ${`${g.id} ${g.name}`.padEnd(width)}  ${String(r.items).padStart(5)}  ${r2(r.alpha.raw).padStart(5)}  ${ci.padStart(14)}  ${r2(r.alpha.std).padStart(5)}  ${r2(r.alpha.g6).padStart(4)}  ${r2(r.alpha.averageR).padStart(5)}  ${(r.omega ? r2(r.omega.total) : '—').padStart(7)}  ${f(r.total.mean).padStart(10)}  ${f(r.total.sd).padStart(4)}`,
    );
    if (r.dropped.length) lines.push(`  ${''.padEnd(width)}  (left out for lack of variance: ${r.dropped.join(', ')})`);
  });
  return [...lines, ''];
}

export function analysisSummary(result: AnalysisResult, title: string): string {
  const { layout } = result;
  const counts = { valid: 0, questionable: 0, invalid: 0 };
  for (const v of result.verdicts) counts[v] += 1;
  const lines = [
    `${title}: ${result.n} respondent${result.n === 1 ? '' : 's'}, ${layout.items.length} items, answers ${layout.min}–${layout.max}`,
    '',
    ...reliabilityTable('Reliability of the scales', layout.scales, result.scales),
    ...reliabilityTable('Reliability of the facets', layout.facets, result.facets),
    `Validity: ${counts.valid} valid, ${counts.questionable} questionable, ${counts.invalid} invalid`,
  ];
  const flagged = result.ids.flatMap((id, i) => (result.verdicts[i] === 'valid' ? [] : [{ id, i }]));
  const idWidth = Math.max(4, ...flagged.slice(0, LISTED_PEOPLE).map((p) => p.id.length));
  for (const { id, i } of flagged.slice(0, LISTED_PEOPLE)) {
    const [first, ...rest] = result.findings[i]!;
    lines.push(`  ${id.padEnd(idWidth)}  ${result.verdicts[i]!.padEnd(12)}  ${first!.message}`);
    for (const finding of rest) lines.push(`  ${''.padEnd(idWidth)}  ${''.padEnd(12)}  ${finding.message}`);
  }
  if (flagged.length > LISTED_PEOPLE) lines.push(`  … and ${flagged.length - LISTED_PEOPLE} more (--csv-out FILE lists everyone).`);
  const { pairs } = result;
  const name = (p: { first: number; second: number; r: number }) => `${layout.items[p.first]}–${layout.items[p.second]} (${r2(p.r)})`;
  lines.push(
    '',
    `Psychometric synonyms: ${pairs.synonyms} item pair${pairs.synonyms === 1 ? '' : 's'} with r > ${r2(pairs.critval)}; antonyms: ${pairs.antonyms} with r < −${r2(pairs.critval)}.`,
    `  Strongest pairs: ${pairs.strongest.map(name).join(', ') || '—'}`,
    `  Most negative pairs: ${pairs.strongestNegative.map(name).join(', ') || '—'}`,
  );
  if (result.notices.length) lines.push('', 'Notes:', ...result.notices.map((n) => `  - ${n}`));
  return lines.join('\n');
}
