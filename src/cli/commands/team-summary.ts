import type { TeamReport, TeamStats } from '../../shared/api';
import { words } from '../../shared/words';

/** The readable report of `harmony team` (without --json): per team, the domains, fit, harmony and diagnosis. */
const f = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '—' : x.toFixed(digits));
const stats = (s: TeamStats | null) => (s ? `${f(s.mean).padStart(6)} ${f(s.sd).padStart(5)} ${`${f(s.min)}–${f(s.max)}`.padStart(11)}` : `${'—'.padStart(6)} ${'—'.padStart(5)} ${'—'.padStart(11)}`);

export function teamSummary(report: TeamReport, notices: readonly string[]): string {
  const lines: string[] = ['Advisory figures: they describe the mix of each team and decide nothing about any person.', ''];
  for (const [name, team] of Object.entries(report.teams)) {
    lines.push(`Team ${name}: ${team.members.length} member${team.members.length === 1 ? '' : 's'}`);
    lines.push(`  scale      n   raw mean    sd     min–max    z mean    sd     min–max`);
    for (const [scale, s] of Object.entries(team.scales)) lines.push(`  ${scale.padEnd(8)} ${String(s.raw.n).padStart(3)}   ${stats(s.raw)}   ${stats(s.z)}`);
    if (team.memberFit.length) {
      lines.push('  Person–team fit (distance from the rest in SD over the domains; profile r):');
      const width = Math.max(...team.memberFit.map((m) => m.id.length));
      for (const m of team.memberFit) lines.push(`    ${m.id.padEnd(width)}  ${f(m.distance).padStart(5)}  ${f(m.profileR).padStart(5)}`);
    }
    if (team.harmony) {
      lines.push(`  Harmony index ${f(team.harmony.score, 0)} of 100 (${team.harmony.version}):`);
      for (const c of team.harmony.components) lines.push(`    ${c.id.padEnd(28)} value ${f(c.value).padStart(5)}  weight ${f(c.weight)}  contributes ${f(c.contribution, 1).padStart(4)}`);
    }
    if (team.diagnosis.length) lines.push('  Diagnosis:', ...team.diagnosis.map((d) => `    - ${words.insightSeverities[d.severity]}: ${d.message}`));
    lines.push('');
  }
  if (notices.length) lines.push('Notes:', ...notices.map((n) => `  - ${n}`));
  return lines.join('\n').trimEnd();
}
