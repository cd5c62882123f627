/**
 * Hybrid logical clock stamps (Kulkarni et al., "Logical Physical Clocks", OPODIS 2014): wall-clock milliseconds,
 * a counter for events within the same millisecond or behind a faster clock seen elsewhere, and the node id that
 * breaks ties. Written as fixed-width text so that comparing two stamps as strings compares them as clocks.
 */
export interface HlcParts {
  wallMs: number;
  counter: number;
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const PATTERN = /^(\d{15})\.(\d{6})\.([A-Za-z0-9-]{1,64})$/;

export const formatHlc = ({ wallMs, counter, node }: HlcParts): string =>
  `${String(wallMs).padStart(WALL_DIGITS, '0')}.${String(counter).padStart(COUNTER_DIGITS, '0')}.${node}`;

export function parseHlc(stamp: string): HlcParts {
  const match = PATTERN.exec(stamp);
  if (!match) throw new Error(`Not a clock stamp: ${stamp}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3]! };
}

export const isHlc = (stamp: string): boolean => PATTERN.test(stamp);

export const HLC_PATTERN = PATTERN;

/** The next stamp for a local event at wall time `nowMs`, after `last` (this node's previous stamp, if any). */
export function nextHlc(last: string | null, nowMs: number, node: string): string {
  const previous = last === null ? null : parseHlc(last);
  if (previous === null || nowMs > previous.wallMs) return formatHlc({ wallMs: nowMs, counter: 0, node });
  return after(previous, node);
}

/** The stamp just after `seen`; a full counter moves on to the next millisecond rather than widening the text. */
function after(seen: HlcParts, node: string): string {
  if (seen.counter + 1 >= 10 ** COUNTER_DIGITS) return formatHlc({ wallMs: seen.wallMs + 1, counter: 0, node });
  return formatHlc({ wallMs: seen.wallMs, counter: seen.counter + 1, node });
}

/** This node's stamp after receiving `remote`: never behind anything it has seen. */
export function receiveHlc(last: string | null, remote: string, nowMs: number, node: string): string {
  const seen = last === null || remote > last ? parseHlc(remote) : parseHlc(last);
  if (nowMs > seen.wallMs) return formatHlc({ wallMs: nowMs, counter: 0, node });
  return after(seen, node);
}
