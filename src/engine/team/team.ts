import { diagnose } from './diagnosis';
import { memberFit } from './fit';
import { harmonyIndex } from './harmony';
import { describe } from './stats';
import type { ScaleFigures, TeamFigures, TeamInput } from './types';

/**
 * Every figure of one team from its members' scores (docs/team-dynamics.md): composition per domain and facet,
 * raw and in z; person–team fit; the harmony index; the diagnosis. Members without a usable result are listed,
 * never imputed; undefined figures are null with a message saying why.
 */
export function analyzeTeam(input: TeamInput): TeamFigures {
  const { members } = input;
  const normScales = input.normScales === null ? null : new Set(input.normScales);
  const figures = (scale: { id: string; name: string }): ScaleFigures => ({
    id: scale.id,
    name: scale.name,
    raw: describe(members.map((m) => m.raw[scale.id] ?? null)),
    z: normScales?.has(scale.id) ? describe(members.map((m) => m.z?.[scale.id] ?? null)) : null,
  });
  const domains = input.domains.map(figures);
  const facets = input.facets.map((f) => ({ ...figures(f), scale: f.scale }));
  const zs = members.map((m) => m.z);
  const domainsCovered = normScales !== null && input.domains.every((d) => normScales.has(d.id));
  // Fit is defined over every domain: [] without a norm, nulls when the norm lacks a domain.
  const fit = normScales === null ? [] : memberFit(domainsCovered ? members : members.map((m) => ({ id: m.id, z: null })), input.domains.map((d) => d.id));
  const { harmony, reason } = harmonyIndex(members.length < 2 ? [] : zs, input.model, normScales);
  const harmonyNote = members.length === 1 ? 'A group of one has no spread, so there is no harmony index.' : reason;
  const total = members.length + input.missing.length;
  const validShare = total === 0 ? null : members.filter((m) => m.verdict === 'valid').length / total;
  const diagnosis = diagnose({ input, validShare, fit, harmonyNote: harmony ? null : harmonyNote, domains, harmony });
  return { members: members.map((m) => m.id), domains, facets, memberFit: fit, harmony, harmonyNote: harmony ? null : harmonyNote, diagnosis };
}
