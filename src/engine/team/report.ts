import type { TeamFigures } from './types';

/**
 * One team as `harmony team --json` prints it (docs/team-dynamics.md#9-harmony-team): the domains' statistics,
 * the fit, the harmony index with its parts and the diagnosis, advice folded into the message.
 */
export function teamReportEntry(figures: TeamFigures) {
  return {
    members: figures.members,
    scales: Object.fromEntries(figures.domains.map((d) => [d.id, { raw: d.raw, z: d.z }])),
    memberFit: figures.memberFit.map((f) => ({ id: f.id, distance: f.distance, profileR: f.profileR })),
    harmony: figures.harmony && {
      score: figures.harmony.score,
      version: figures.harmony.version,
      components: figures.harmony.components.map((c) => ({ id: c.id, value: c.value, weight: c.weight, contribution: c.contribution, source: c.source })),
    },
    diagnosis: figures.diagnosis.map((i) => ({
      id: i.id,
      severity: i.severity,
      message: i.advice ? `${i.message} ${i.advice}` : i.message,
      evidence: i.evidence,
    })),
  };
}
