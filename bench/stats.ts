// Small statistics and timing helpers shared by the measurements.

/** The p-th percentile (0–100) of samples, nearest-rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** The median of samples. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Milliseconds rounded to two decimals, for reports. */
export function ms(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Runs fn and returns how long it took in milliseconds (high-resolution clock). */
export async function timed(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
