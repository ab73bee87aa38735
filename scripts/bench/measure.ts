export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs `work`, with its duration and the process's peak resident memory, sampled every 10 ms. */
export async function measure<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakRss: number; baseRss: number }> {
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  try {
    const result = await work();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { result, ms: performance.now() - t0, peakRss, baseRss };
  } finally {
    clearInterval(timer);
  }
}
