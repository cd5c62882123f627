/** Small helpers for the plain-words messages of team dynamics. */

/** "Ana", "Ana and Ben", "Ana, Ben and Cy"; long lists end with "and n others". */
export function listNames(names: readonly string[], limit = 6): string {
  if (names.length === 0) return '';
  const shown = names.length > limit ? [...names.slice(0, limit - 1), `${names.length - limit + 1} others`] : [...names];
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** z as people read it: "1.6 SD below the norm", "0.3 SD above the norm", "at the norm". */
export function sdFromNorm(z: number): string {
  const size = Math.abs(z).toFixed(1);
  if (size === '0.0') return 'at the norm';
  return `${size} SD ${z < 0 ? 'below' : 'above'} the norm`;
}

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
