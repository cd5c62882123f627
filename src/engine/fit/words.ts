/** Small helpers for the plain-words strengths and gaps of a FitScore. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar date as a captain reads it in a sentence: "3 Mar 2026" (the screens format their own dates). */
export function dayText(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

export const months = (days: number): string => {
  const m = days / 30.44;
  return m >= 1 ? `${m.toFixed(m < 10 ? 1 : 0)} months` : `${Math.round(days)} days`;
};
