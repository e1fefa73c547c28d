export function median(values) {
  return percentile(values, 50);
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** Interquartile range: [25th, 75th] percentile. */
export function iqr(values) {
  return [percentile(values, 25), percentile(values, 75)];
}

/**
 * Distribution-free confidence interval for the median (order statistics, exact binomial): the
 * k-th smallest and k-th largest sample, with k the largest rank such that
 * P(Binomial(n, 1/2) < k) <= (1 - level) / 2. Makes no assumption about the shape of the noise,
 * which on a shared 2-core machine is skewed (a few runs are much slower).
 */
export function medianCI(values, level = 0.95) {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  let cdf = 0;
  let k = 0;
  // P(X = i) for X ~ Bin(n, 1/2), accumulated in log space so that n in the hundreds is exact enough.
  let logC = 0; // log(n choose 0)
  for (let i = 0; i < n; i++) {
    const p = Math.exp(logC - n * Math.LN2);
    if (cdf + p > alpha) break;
    cdf += p;
    k = i + 1;
    logC += Math.log(n - i) - Math.log(i + 1);
  }
  if (k === 0) return [-Infinity, Infinity]; // too few samples for this level
  return [sorted[k - 1], sorted[n - k]];
}

export const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
