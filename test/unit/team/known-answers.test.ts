import { describe as group, expect, it } from 'vitest';
import { analyzeTeam, describe, isAboard, rotationChurn, rotationPairs, stintFrom, turnover, dayNumber, type Stint } from '../../../src/engine/team';
import { aboardOn } from '../../../src/engine/manning';
import { isoFromDayNumber } from '../../../src/shared/domain/dates';
import { KAT_MEMBERS, member, teamInput } from '../../helpers/team';

/**
 * Known answers. The team figures are R 4.2.2's (base R only: mean, sd, cor, pnorm, pchisq, qchisq) on the five
 * members of test/helpers/r/team-reference.R, printed with 17 digits; the volatility cases are worked by hand.
 */
const figures = analyzeTeam(teamInput(KAT_MEMBERS.map(([id, raw]) => member(id, raw))));
const domain = (id: string) => figures.domains.find((d) => d.id === id)!;

const R = {
  raw: {
    N: [2.84, 0.54129474410897427, 0.48414873747640819, 2.2, 3.6, 1.3999999999999999],
    E: [3.42, 0.44384682042344298, 0.3969886648255842, 2.9, 4, 1.1000000000000001],
    O: [3.56, 0.61886993787063216, 0.55353410012392201, 2.8, 4.4, 1.6000000000000005],
    A: [3.74, 0.65038450166036388, 0.58172158288995945, 2.7, 4.4, 1.7000000000000002],
    C: [3.52, 0.52630789467763073, 0.4707440918375928, 2.9, 4.2, 1.3000000000000003],
  },
  z: {
    N: [-0.085714285714285549, 0.77327820586996332, 0.69164105353772598, -0.99999999999999967, 1.0000000000000002, 2],
    E: [0.033333333333333513, 0.73974470070573839, 0.66164777470930702, -0.83333333333333337, 1.0000000000000002, 1.8333333333333335],
    O: [-0.066666666666666721, 1.0314498964510537, 0.92255683353987006, -1.3333333333333339, 1.3333333333333339, 2.6666666666666679],
    A: [-0.1090909090909087, 1.1825172757461162, 1.0576756052544716, -1.9999999999999991, 1.0909090909090917, 3.0909090909090908],
    C: [0.033333333333333354, 0.87717982446271792, 0.78457348639598801, -1.0000000000000002, 1.166666666666667, 2.166666666666667],
  },
  fit: {
    m1: [1.3717849454571571, -0.80365197409229849],
    m2: [2.0149085461794138, -0.91321889712616311],
    m3: [3.0222870070408874, -0.96480345210922569],
    m4: [2.6738390680582818, -0.98528382799719538],
    m5: [2.2649728565297047, -0.93362196448183743],
  },
  harmony: {
    'agreeableness-mean': [-0.1090909090909087, 40.364070150691752, 9.6873768361660204],
    'conscientiousness-mean': [0.033333333333333354, 52.970789208512578, 10.594157841702517],
    'agreeableness-spread': [1.1825172757461162, 23.164170636074964, 2.7797004763289954],
    'conscientiousness-spread': [0.87717982446271792, 54.489489894698927, 13.077477574727743],
    'agreeableness-minimum': [-1.9999999999999991, 10.869138893026587, 1.3042966671631904],
    'emotional-stability-mean': [0.085714285714285549, 57.599689289034494, 2.3039875715613798],
    'emotional-stability-minimum': [-1.0000000000000002, 57.842976954245451, 2.313719078169818],
  },
  score: 42.06071604581966,
} as const;

const close = (actual: number | null, expected: number, digits = 12) => expect(actual).toBeCloseTo(expected, digits);

group('composition (R: mean, sd, sqrt(mean((x − mean)²)), min, max)', () => {
  for (const metric of ['raw', 'z'] as const) {
    for (const [scale, [mean, sd, sdPop, min, max, range]] of Object.entries(R[metric])) {
      it(`${metric} ${scale}`, () => {
        const stats = domain(scale)[metric]!;
        expect(stats.n).toBe(5);
        close(stats.mean, mean);
        close(stats.sd, sd);
        close(stats.sdPop, sdPop);
        close(stats.min, min);
        close(stats.max, max);
        close(stats.range, range);
      });
    }
  }

  it('gives null where a figure is undefined: none, and one member', () => {
    expect(describe([])).toEqual({ n: 0, mean: null, sd: null, sdPop: null, min: null, max: null, range: null });
    expect(describe([null, 3.25, Number.NaN])).toEqual({ n: 1, mean: 3.25, sd: null, sdPop: 0, min: 3.25, max: 3.25, range: 0 });
  });

  it('two members by hand: 2 and 4 → mean 3, sd √2, sd (n) 1, range 2', () => {
    expect(describe([4, 2])).toEqual({ n: 2, mean: 3, sd: Math.SQRT2, sdPop: 1, min: 2, max: 4, range: 2 });
  });
});

group('person–team fit (R: leave-one-out colMeans, sqrt(sum((z − m)²)), cor(z, m))', () => {
  for (const [id, [distance, profileR]] of Object.entries(R.fit)) {
    it(id, () => {
      const fit = figures.memberFit.find((f) => f.id === id)!;
      close(fit.distance, distance);
      close(fit.profileR, profileR);
    });
  }
});

group('harmony (R: pnorm, pchisq; weights of harmony-v1)', () => {
  for (const [id, [value, subScore, contribution]] of Object.entries(R.harmony)) {
    it(id, () => {
      const component = figures.harmony!.components.find((c) => c.id === id)!;
      close(component.value, value);
      close(component.subScore, subScore, 10);
      close(component.contribution, contribution, 10);
    });
  }
  it('the score is the sum of the contributions', () => {
    close(figures.harmony!.score, R.score, 10);
    expect(figures.harmony!.version).toBe('harmony-v1');
    expect(figures.harmony!.band).toBe('Typical');
  });
});

group('volatility, worked by hand', () => {
  const stint = (personId: string, startDate: string, endDate: string | null, rotation: string | null = null): Stint =>
    stintFrom({ personId, department: 'deck', startDate, endDate, rotationWeeksOn: rotation ? Number(rotation.split(':')[0]) : null, rotationWeeksOff: rotation ? Number(rotation.split(':')[1]) : null, rotationRestart: null });

  it('a staggered rotation (a restart) is aboard on the same days as the manning calendar says', () => {
    const row = { personId: 'a', department: 'deck', startDate: '2025-01-01', endDate: null, rotationWeeksOn: 4, rotationWeeksOff: 2, rotationRestart: '2025-02-10' };
    const s = stintFrom(row);
    const manning = { startDate: row.startDate, endDate: null, rotation: { weeksOn: 4, weeksOff: 2 }, rotationRestart: row.rotationRestart };
    for (let d = 0; d < 120; d += 1) {
      const day = dayNumber('2025-01-01') + d;
      expect(isAboard(s, day), `day ${d}`).toBe(aboardOn([manning], isoFromDayNumber(day)).length === 1);
    }
    // Before the restart the cycle counts from the start (leave from day 28), from it on from the restart.
    expect(isAboard(s, dayNumber('2025-01-29'))).toBe(false);
    expect(isAboard(s, dayNumber('2025-02-10'))).toBe(true);
  });

  it('a 2:2 rotation is aboard on days 0–13 of each 28-day cycle', () => {
    const s = stint('a', '2025-01-01', null, '2:2');
    expect([0, 13, 14, 27, 28, 41, 42].map((d) => isAboard(s, dayNumber('2025-01-01') + d))).toEqual([true, true, false, false, true, true, false]);
    expect(isAboard(s, dayNumber('2024-12-31'))).toBe(false);
  });

  it('turnover: two leavers against four in post all year → 0.5 a year (an ended stint continued the next day is no leaver)', () => {
    const stints = [
      stint('a', '2020-01-01', null),
      stint('b', '2020-01-01', null),
      stint('c', '2020-01-01', null),
      stint('d', '2020-01-01', '2024-09-30'),
      stint('e', '2024-10-01', null), // replaces d
      stint('f', '2020-01-01', '2024-12-31'),
      stint('f', '2025-01-01', null), // f changed position without leaving
      stint('g', '2019-01-01', '2024-03-31'), // left before the window
      stint('h', '2020-01-01', '2025-06-01'), // leaves after the window
    ];
    const end = dayNumber('2025-05-31');
    const result = turnover(stints.filter((s) => s.personId !== 'h'), end, 12);
    // In post every week: a, b, c, f and one of d/e → 5. Leavers: d (2024-09-30) only; g left before the window.
    expect(result).toEqual({ value: 1 / 5, leavers: 1, meanHeadcount: 5 });
    const withH = turnover(stints, end, 12);
    expect(withH.leavers).toBe(1);
    expect(withH.meanHeadcount).toBe(6);
  });

  it('rotation churn: two back-to-back 2:2 crews swap every other week → churn 1/2 a week on average', () => {
    const stints = [stint('a', '2025-01-01', null, '2:2'), stint('b', '2025-01-15', null, '2:2'), stint('c', '2024-01-01', null)];
    // Sampled weekly from 2025-03-05: aboard {a,c} {a,c} {b,c} {b,c} … a swap (1 − 1/3 = 2/3) every other week.
    const from = dayNumber('2025-03-05');
    const churn = rotationChurn(stints, from, from + 7 * 7);
    expect(churn.weeks).toBe(8);
    expect(churn.value).toBeCloseTo(1 / 3, 14);
  });

  it('rotation pairs: back-to-back 2:2 crews never meet; 4:2 crews always overlap', () => {
    const day = dayNumber('2025-06-01');
    const pairs = rotationPairs([stint('a', '2025-01-01', null, '2:2'), stint('b', '2025-01-15', null, '2:2'), stint('c', '2025-01-29', null, '2:2'), stint('p', '2020-01-01', null)], day);
    expect(pairs).toEqual([{ crews: [['a', 'c'], ['b']], days: 28 }]);
    expect(rotationPairs([stint('a', '2025-01-01', null, '4:2'), stint('b', '2025-01-15', null, '4:2'), stint('c', '2025-01-29', null, '4:2')], day)).toEqual([]);
  });
});
