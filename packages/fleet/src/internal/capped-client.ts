import { TokenBucket } from '@audian/core';
import { type Audian, type AudianOptions, createAudian } from '@audian/resources';
import { countingFetch } from './request-count.js';

/**
 * The client tasks run with: its requests, all accounts together, stay under
 * `maxRequestsPerSecond` (when given), and each is counted for the task that sent it (see
 * request-count.ts). Each account also has its own bucket in the transport (the `rateLimit`
 * option, Crossbar's 100 + 10/s by default), since Crossbar limits each (client IP, account) pair.
 */
export function createCappedClient(options: AudianOptions, maxRequestsPerSecond: number | undefined): Audian {
  const inner = countingFetch(options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  if (maxRequestsPerSecond === undefined) return createAudian({ ...options, fetch: inner });
  const bucket = new TokenBucket({ capacity: Math.max(1, maxRequestsPerSecond), refillPerSecond: maxRequestsPerSecond });
  const capped: typeof globalThis.fetch = async (input, init) => {
    await bucket.take(init?.signal ?? undefined);
    return inner(input, init);
  };
  return createAudian({ ...options, fetch: capped });
}
