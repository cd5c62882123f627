import type { VolatilityModel, VolatilityPartId } from '../../shared/team/model';
import { aboardOn, inPost, type Stint } from './aboard';
import { dayNumber, isoDay, monthEnd } from './days';
import { describe } from './stats';

/**
 * The Team Volatility Index (docs/team-dynamics.md#6-team-volatility-index-model-volatility-v1): crew turnover
 * (leavers per 12 months ÷ mean headcount), rotation churn (how much the aboard crew changes week to week) and the
 * ups and downs of pulse surveys, each scored 0–100 against the value the model calls full, and weighted. A part
 * without data is shown as not available with the reason, and the index is the weighted mean of the parts that are.
 */
export interface VolatilityPart {
  id: VolatilityPartId;
  label: string;
  value: number | null;
  score: number | null;
  weight: number;
  /** weight × score over the weights of the available parts: the contributions add up to the index. */
  contribution: number | null;
  formula: string;
  source: string;
  /** Why the part is not available, or what it rests on. */
  note: string;
}

export interface VolatilityPoint {
  /** YYYY-MM */
  month: string;
  turnover: number | null;
  churn: number | null;
  index: number | null;
}

export interface Volatility {
  version: string;
  index: number | null;
  parts: VolatilityPart[];
  trend: VolatilityPoint[];
}

/** Monthly crew averages of a pulse survey (1–5), oldest first; null while no pulse surveys are collected. */
export type PulseSeries = Array<{ month: string; mean: number }> | null;

const WEEK = 7;
const windowDays = (months: number) => Math.round((months * 365.25) / 12);

/** Each person's continuous time in the group: stints that touch or overlap are one span. */
function spans(stints: readonly Stint[]): Array<{ start: number; end: number | null }> {
  const byPerson = new Map<string, Stint[]>();
  for (const s of stints) byPerson.set(s.personId, [...(byPerson.get(s.personId) ?? []), s]);
  const out: Array<{ start: number; end: number | null }> = [];
  for (const list of byPerson.values()) {
    list.sort((a, b) => a.start - b.start);
    let current = { start: list[0]!.start, end: list[0]!.end };
    for (const s of list.slice(1)) {
      if (current.end === null || s.start <= current.end + 1) {
        current.end = current.end === null || s.end === null ? null : Math.max(current.end, s.end);
      } else {
        out.push(current);
        current = { start: s.start, end: s.end };
      }
    }
    out.push(current);
  }
  return out;
}

function headcount(stints: readonly Stint[], day: number): number {
  const people = new Set<string>();
  for (const s of stints) if (inPost(s, day)) people.add(s.personId);
  return people.size;
}

/** Leavers in (end − window, end] per 12 months ÷ the mean of weekly headcounts; null without crew. */
export function turnover(stints: readonly Stint[], end: number, months: number): { value: number | null; leavers: number; meanHeadcount: number } {
  const start = end - windowDays(months) + 1;
  const leavers = spans(stints).filter((s) => s.end !== null && s.end + 1 >= start && s.end + 1 <= end).length;
  const counts: number[] = [];
  for (let day = end; day >= start; day -= WEEK) counts.push(headcount(stints, day));
  const meanHeadcount = describe(counts).mean ?? 0;
  return { value: meanHeadcount > 0 ? (leavers / meanHeadcount) * (12 / months) : null, leavers, meanHeadcount };
}

/** Mean over weekly steps in [from, to] of 1 − |aboard both| / |aboard either|; null when nobody was aboard. */
export function rotationChurn(stints: readonly Stint[], from: number, to: number): { value: number | null; weeks: number } {
  const changes: number[] = [];
  for (let day = to; day >= from; day -= WEEK) {
    const now = aboardOn(stints, day);
    const before = aboardOn(stints, day - WEEK);
    let both = 0;
    for (const id of now) if (before.has(id)) both += 1;
    const either = now.size + before.size - both;
    if (either > 0) changes.push(1 - both / either);
  }
  return { value: describe(changes).mean, weeks: changes.length };
}

function pulseVariability(pulse: PulseSeries, from: string, to: string): { value: number | null; months: number } {
  if (pulse === null) return { value: null, months: 0 };
  const inWindow = pulse.filter((p) => p.month >= from && p.month <= to).map((p) => p.mean);
  return { value: describe(inWindow).sd, months: inWindow.length };
}

type PartValues = Record<VolatilityPartId, number | null>;

function combine(model: VolatilityModel, values: PartValues): { index: number | null; scores: Record<VolatilityPartId, number | null>; available: number } {
  const scores = {} as Record<VolatilityPartId, number | null>;
  let available = 0;
  let weighted = 0;
  for (const part of model.parts) {
    const value = values[part.id];
    const score = value === null ? null : 100 * Math.min(1, value / part.full);
    scores[part.id] = score;
    if (score !== null) {
      available += part.weight;
      weighted += part.weight * score;
    }
  }
  return { index: available > 0 ? weighted / available : null, scores, available };
}

export function volatility(stints: readonly Stint[], asOf: string, model: VolatilityModel, pulse: PulseSeries): Volatility {
  const end = dayNumber(asOf);
  const months = model.windowMonths;
  const start = end - windowDays(months) + 1;
  const month = (day: number) => isoDay(day).slice(0, 7);
  const tv = turnover(stints, end, months);
  const churn = rotationChurn(stints, start, end);
  const pv = pulseVariability(pulse, month(start), month(end));
  const values: PartValues = { turnover: tv.value, rotationChurn: churn.value, pulseVariability: pv.value };
  const { index, scores, available } = combine(model, values);
  const notes: Record<VolatilityPartId, string> = {
    turnover: tv.value === null ? 'Nobody was in post in this group during the window.' : `${tv.leavers} left; on average ${tv.meanHeadcount.toFixed(1)} crew in post.`,
    rotationChurn: churn.value === null ? 'Nobody was aboard during the window.' : `Over ${churn.weeks} weekly changes.`,
    pulseVariability:
      pulse === null ? 'Pulse surveys are not collected yet, so this part is left out of the index.' : pv.value === null ? 'Fewer than two months of pulse results in the window.' : `Over ${pv.months} months of pulse results.`,
  };
  const parts = model.parts.map((part) => ({
    id: part.id,
    label: part.label,
    value: values[part.id],
    score: scores[part.id],
    weight: part.weight,
    contribution: scores[part.id] === null ? null : (part.weight * scores[part.id]!) / available,
    formula: part.formula,
    source: part.source,
    note: notes[part.id],
  }));
  const trend: VolatilityPoint[] = [];
  for (let k = months - 1; k >= 0; k -= 1) {
    const last = Math.min(monthEnd(asOf, -k), end);
    const first = monthEnd(asOf, -k - 1) + 1;
    const point = {
      turnover: turnover(stints, last, months).value,
      rotationChurn: rotationChurn(stints, first, last).value,
      pulseVariability: pulseVariability(pulse, month(last - windowDays(months) + 1), month(last)).value,
    };
    trend.push({ month: month(last), turnover: point.turnover, churn: point.rotationChurn, index: combine(model, point).index });
  }
  return { version: model.version, index, parts, trend };
}
