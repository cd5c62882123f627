import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import type { DiagnosisThresholds } from '../../shared/team/model';
import type { Volatility } from './volatility';
import { dataInsights, type DataContext } from './diagnosis-data';
import type { MemberFit } from './fit';
import { subScore, type Harmony } from './harmony';
import type { Stats } from './stats';
import type { Insight, ScaleFigures, Severity } from './types';
import { listNames, sdFromNorm } from './words';

/**
 * The diagnosis (docs/team-dynamics.md#8-diagnosis): rules over the team figures, each naming the figure, the
 * threshold that triggered it and the research behind it, with advice a captain can use. Advisory only: nothing
 * here decides about a person. Composition rules read the IPIP-NEO domains A (agreeableness), C
 * (conscientiousness) and N (neuroticism, whose opposite is emotional stability) and are skipped for instruments
 * without them.
 */
export interface DiagnosisContext extends DataContext {
  domains: ScaleFigures[];
  harmony: Harmony | null;
}

const AGREEABLENESS = 'A';
const CONSCIENTIOUSNESS = 'C';
const NEUROTICISM = 'N';

const NOT_ABOUT_A_PERSON = 'The figure describes the mix aboard; it says nothing about who that person is or what to decide about them.';

export function diagnose(context: DiagnosisContext): Insight[] {
  return [...dataInsights(context), ...compositionInsights(context)];
}

function compositionInsights(context: DiagnosisContext): Insight[] {
  const t = context.input.model.thresholds;
  const where = context.input.where ?? 'in this team';
  const z = (scale: string): Stats | null => context.domains.find((d) => d.id === scale)?.z ?? null;
  const out: Insight[] = [];
  const insight = (id: string, severity: Severity, message: string, advice: string, figure: string, value: number, threshold: number, research: string, n: number, members: string[] = []): void => {
    out.push({ id, severity, message, advice, evidence: { figure, value, threshold, research, n, validShare: context.validShare, members } });
  };
  const level = (value: number): Severity | null => (value <= t.veryLowMinimumZ ? 'warning' : value <= t.lowMinimumZ ? 'notice' : null);

  const a = z(AGREEABLENESS);
  if (a?.min != null && level(a.min)) {
    insight(
      'low-minimum-agreeableness',
      level(a.min)!,
      `The lowest agreeableness ${where} is ${sdFromNorm(a.min)}: in field studies the least agreeable member's score predicts how well the whole team works together (Bell 2007).`,
      `Agree openly how disagreements are raised and settled, and keep a regular word between each head of department and their crew so friction is caught early. ${NOT_ABOUT_A_PERSON}`,
      'Lowest agreeableness in the group, in SD from the norm',
      a.min,
      level(a.min) === 'warning' ? t.veryLowMinimumZ : t.lowMinimumZ,
      'Bell 2007 (meta-analysis, field studies): team minimum agreeableness; Halfhill et al. 2005 (47 military teams)',
      a.n,
    );
  }
  const n = z(NEUROTICISM);
  if (n?.max != null && level(-n.max)) {
    const stability = -n.max;
    insight(
      'low-minimum-emotional-stability',
      level(stability)!,
      `The least emotionally stable member ${where} is ${sdFromNorm(stability)}: where everyone depends on everyone, the most easily stressed member can set the limit (Kramer, Bhave & Johnson 2014, laboratory teams).`,
      `Spread the load of charter peaks and night work so no one carries pressure alone, and make it normal to say when it is too much. ${NOT_ABOUT_A_PERSON}`,
      'Lowest emotional stability in the group, in SD from the norm',
      stability,
      level(stability) === 'warning' ? t.veryLowMinimumZ : t.lowMinimumZ,
      'Kramer, Bhave & Johnson 2014 (laboratory, weakest-link tasks): the team maximum of neuroticism',
      n.n,
    );
  }
  const means = [
    { scale: AGREEABLENESS, id: 'low-mean-agreeableness', word: 'agreeableness', rho: '.24', advice: 'Build cooperation into the routine: shared briefings, fair rotation of unpopular jobs, and credit for helping across departments.' },
    { scale: CONSCIENTIOUSNESS, id: 'low-mean-conscientiousness', word: 'conscientiousness', rho: '.20', advice: 'Make standards explicit: checklists, written handovers and who checks what.' },
  ];
  for (const m of means) {
    const stats = z(m.scale);
    if (stats?.mean == null || stats.mean > t.lowMeanZ) continue;
    insight(
      m.id,
      'notice',
      `The crew's average ${m.word} is ${sdFromNorm(stats.mean)}: teams that are on average higher in ${m.word} perform better (Peeters et al. 2006, ρ = ${m.rho}).`,
      m.advice,
      `Crew average of ${m.word}, in SD from the norm`,
      stats.mean,
      t.lowMeanZ,
      `Peeters, Van Tuijl, Rutte & Reymen 2006 (meta-analysis, 106–527 teams): ρ = ${m.rho}`,
      stats.n,
    );
  }
  const spreads = [
    { scale: AGREEABLENESS, id: 'wide-spread-agreeableness', word: 'agreeableness', rho: '−.12', advice: 'Agree how the crew works together (how to ask for help, how to disagree) so that very different temperaments meet on common ground.' },
    { scale: CONSCIENTIOUSNESS, id: 'wide-spread-conscientiousness', word: 'conscientiousness', rho: '−.24', advice: 'Agree the standard together (tidiness, timekeeping, handovers) so the careful ones are not left carrying the rest.' },
  ];
  for (const s of spreads) {
    const stats = z(s.scale);
    if (stats?.sd == null || stats.n < 2) continue;
    const score = subScore('sd', stats.sd, stats.n);
    if (score > t.wideSpreadScore) continue;
    insight(
      s.id,
      'notice',
      `${s.word[0]!.toUpperCase()}${s.word.slice(1)} differs more across this crew than in ${Math.round(100 - score)} of 100 random crews of its size (SD ${stats.sd.toFixed(2)} against the norm's 1): wide differences go with weaker teamwork (Peeters et al. 2006, ρ = ${s.rho}).`,
      s.advice,
      `Spread of ${s.word}: share of random crews of this size with a wider spread (0–100)`,
      score,
      t.wideSpreadScore,
      `Peeters, Van Tuijl, Rutte & Reymen 2006 (meta-analysis, 106–527 teams): ρ = ${s.rho}`,
      stats.n,
    );
  }
  apartInsight(context, t, out);
  const harmony = context.harmony;
  if (harmony && harmony.score <= t.lowHarmony) {
    const weakest = [...harmony.components].sort((x, y) => x.subScore - y.subScore).slice(0, 2);
    insight(
      'low-harmony',
      'notice',
      `The harmony index is ${harmony.score.toFixed(0)} (${harmony.band}): the mix of traits is less favourable for teamwork than in most random crews of this size. It is pulled down most by ${listNames(weakest.map((c) => c.label.toLowerCase()))}.`,
      'Start with those two figures; composition is one influence among many — leadership, rest and workload matter at least as much.',
      'Harmony index (0–100)',
      harmony.score,
      t.lowHarmony,
      'Components and weights: see the harmony panel (Peeters et al. 2006; Bell 2007)',
      Math.min(...harmony.components.map((c) => c.n)),
    );
  }
  return out;
}

function apartInsight(context: DiagnosisContext, t: DiagnosisThresholds, out: Insight[]): void {
  const domains = context.domains;
  const defined = context.fit.filter((f): f is MemberFit & { apartness: number } => f.apartness !== null);
  if (!defined.length || domains.length === 0) return;
  const cut = chisquareQuantile(t.apartProbability, domains.length);
  const apart = defined.filter((f) => f.apartness > cut).sort((x, y) => y.apartness - x.apartness || x.id.localeCompare(y.id));
  if (!apart.length) return;
  const names = new Map(context.input.members.map((m) => [m.id, m.name]));
  const scaleName = new Map(domains.map((d) => [d.id, d.name]));
  const describeMember = (f: MemberFit) => {
    const top = f.differences.slice(0, 2).map((d) => `${d.z > d.rest ? 'higher' : 'lower'} in ${scaleName.get(d.scale)} (${signed(d.z)} SD against ${signed(d.rest)} for the rest)`);
    return `${apart.length === 1 ? 'they are' : `${names.get(f.id)} is`} ${top.join(' and ')}`;
  };
  out.push({
    id: 'members-apart',
    severity: 'info',
    message: `${listNames(apart.map((f) => names.get(f.id)!))} ${apart.length === 1 ? 'differs' : 'differ'} most from the rest of the group: ${apart.slice(0, 4).map(describeMember).join('; ')}.`,
    advice: 'Difference is not a problem in itself — some variety, in extraversion for instance, helps a crew (Mohammed & Angell 2003). A conversation about how they are settling in is worth more than this figure.',
    evidence: {
      figure: 'Distance from the rest of the crew over every domain, against what random crews of this size show (χ²)',
      value: apart[0]!.apartness,
      threshold: cut,
      research: 'Kristof-Brown, Zimmerman & Johnson 2005 (meta-analysis, 172 studies): fit with one’s work group relates to attitudes, performance and withdrawal',
      n: defined.length,
      validShare: context.validShare,
      members: apart.map((f) => f.id),
    },
  });
}

/** +1.2 / −0.4 / 0.0: a sign only where the rounded figure has one. */
const signed = (x: number) => {
  const size = Math.abs(x).toFixed(1);
  return size === '0.0' ? size : `${x > 0 ? '+' : '−'}${size}`;
};

/** Turnover against the industry's base rate (app only: `harmony team` has no assignments). */
export function turnoverInsight(volatility: Volatility, t: DiagnosisThresholds, n: number): Insight[] {
  const value = volatility.parts.find((p) => p.id === 'turnover')?.value ?? null;
  if (value === null || value < t.highTurnover) return [];
  return [
    {
      id: 'high-turnover',
      severity: 'notice',
      message: `In the last 12 months ${value.toFixed(2)} people left for every crew place. About half of yacht crew leave within their first year (Impact Crew survey), so this is high even for the industry.`,
      advice: 'Ask leavers why they go; crews most often name rotation and leave, crew tension and leadership (Quay Crew 2023 survey), more often than pay.',
      evidence: {
        figure: 'Leavers per 12 months ÷ mean headcount',
        value,
        threshold: t.highTurnover,
        research: 'Impact Crew 2016 (826 crew): about 50% leave within a year; Quay Group 2025 (100 captains): junior turnover 37% a year',
        n,
        validShare: null,
        members: [],
      },
    },
  ];
}
