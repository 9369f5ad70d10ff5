/**
 * Delay before reconnect attempt `attempt` (0 first): exponential, capped, with "equal jitter" —
 * a random point in the upper half of `[0, min(maxDelay, minDelay · 2^attempt)]`, so clients cut
 * off together do not come back together, and none retries at once in a tight loop.
 */
export function reconnectDelay(attempt: number, minDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, attempt));
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}
