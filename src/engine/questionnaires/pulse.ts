import type { PulseSurvey } from '../../shared/questionnaires';

/** A pulse answer sheet's score: the mean of the answered statements, reverse-keyed ones turned (6 − x). */
export function pulseMean(survey: PulseSurvey, answers: Readonly<Record<string, number>>): number | null {
  const scored = survey.items.flatMap((item) => {
    const x = answers[item.id];
    return x === undefined ? [] : [item.keyed === 1 ? x : survey.response.min + survey.response.max - x];
  });
  return scored.length ? scored.reduce((s, x) => s + x, 0) / scored.length : null;
}

/** The first day of the round of a schedule that `day` falls in (rounds of `everyDays` from `startOn`). */
export function roundStart(startOn: number, everyDays: number, day: number): number {
  return startOn + Math.floor((day - startOn) / everyDays) * everyDays;
}
