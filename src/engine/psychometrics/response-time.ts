import { median } from './matrix';

/**
 * Response-time screen (docs/psychometrics.md#6-response-time): Huang et al. (2012) flag answering faster than 2 s
 * per item; the page-time index counts pages whose time is under 2 s × the items on the page (Bowling et al.).
 * Pages are consecutive blocks of `pageSize` items in presentation order.
 */
export interface ResponseTimeIndices {
  totalSeconds: number;
  medianSeconds: number;
  itemsUnderThreshold: number;
  pageTimeIndex: number;
  /** Items with a recorded time. */
  timed: number;
}

export function responseTimeIndices(times: Float64Array, start: number, k: number, thresholdMs: number, pageSize: number): ResponseTimeIndices {
  let total = 0;
  let timed = 0;
  let under = 0;
  let rushedPages = 0;
  const recorded: number[] = [];
  for (let page = 0; page < k; page += pageSize) {
    let pageTime = 0;
    let pageItems = 0;
    for (let j = page; j < Math.min(k, page + pageSize); j += 1) {
      const t = times[start + j]!;
      if (t !== t) continue;
      recorded.push(t);
      pageTime += t;
      pageItems += 1;
      if (t < thresholdMs) under += 1;
    }
    if (pageItems > 0 && pageTime < thresholdMs * pageItems) rushedPages += 1;
    total += pageTime;
    timed += pageItems;
  }
  return {
    totalSeconds: timed ? total / 1000 : Number.NaN,
    medianSeconds: median(recorded) / 1000,
    itemsUnderThreshold: under,
    pageTimeIndex: rushedPages,
    timed,
  };
}
