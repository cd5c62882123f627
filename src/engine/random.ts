/**
 * mulberry32: a tiny, well-known seeded generator. The sample fleet, generated test data and the fixture corpus
 * must be the same on every machine for a given seed; nothing here needs to be cryptographic.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
