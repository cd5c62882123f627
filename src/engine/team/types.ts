import type { Verdict } from '../../shared/psychometrics';
import type { HarmonyModel } from '../../shared/team/model';
import type { MemberFit } from './fit';
import type { Harmony } from './harmony';
import type { Stats } from './stats';

/** One member with a result: raw scale and facet means, z against the norm, and the result's verdict. */
export interface TeamMemberInput {
  id: string;
  /** How messages name them (a person's name in the app, the id in `harmony team`). */
  name: string;
  raw: Record<string, number | null>;
  /** z per scale against the norm; null when no norm applies to this member (zNote says why). */
  z: Record<string, number | null> | null;
  zNote: string | null;
  verdict: Verdict;
  /** Questionable only because too few results were stored to check it for random answering (no sign found). */
  unchecked?: boolean;
}

export interface ScaleInfo {
  id: string;
  name: string;
}

export interface TeamInput {
  members: TeamMemberInput[];
  /** Members without a usable result: listed by name, never imputed. */
  missing: Array<{ id: string; name: string; reason: string }>;
  domains: ScaleInfo[];
  facets: Array<ScaleInfo & { scale: string }>;
  /** Scales the norm has figures for; null when no norm is in use (`noNorm` says why). */
  normScales: string[] | null;
  noNorm: string | null;
  model: HarmonyModel;
  /** Where the group is, for messages: "aboard", "in this crew", "in this department" (default "in this team"). */
  where?: string;
}

export interface ScaleFigures {
  id: string;
  name: string;
  raw: Stats;
  /** null when no norm is in use or the norm has no figures for this scale. */
  z: Stats | null;
}

export type Severity = 'info' | 'notice' | 'warning';

/** An insight in plain words, with the figure, threshold and research behind it and how much it rests on. */
export interface Insight {
  id: string;
  severity: Severity;
  message: string;
  /** What a captain can do about it; null for notes about the data. */
  advice: string | null;
  evidence: {
    figure: string;
    value: number | null;
    threshold: number | null;
    research: string | null;
    /** Members the figure rests on. */
    n: number;
    /** Share of the group with a valid result (members without one count against it). */
    validShare: number | null;
    /** Ids of the members it names. */
    members: string[];
  };
}

export interface TeamFigures {
  members: string[];
  domains: ScaleFigures[];
  facets: Array<ScaleFigures & { scale: string }>;
  memberFit: MemberFit[];
  harmony: Harmony | null;
  /** Why there is no harmony index, when there is none. */
  harmonyNote: string | null;
  diagnosis: Insight[];
}
