import { TokenBucket } from '@audian/core';
import { type Audian, type AudianOptions, createAudian } from '@audian/resources';

/**
 * A client whose requests, all accounts together, stay under `maxRequestsPerSecond`. Each
 * account also has its own bucket in the transport (the `rateLimit` option, Crossbar's 100 +
 * 10/s by default), since Crossbar limits each (client IP, account) pair.
 */
export function createCappedClient(options: AudianOptions, maxRequestsPerSecond: number | undefined): Audian {
  if (maxRequestsPerSecond === undefined) return createAudian(options);
  const bucket = new TokenBucket({ capacity: Math.max(1, maxRequestsPerSecond), refillPerSecond: maxRequestsPerSecond });
  const inner = options.fetch ?? globalThis.fetch;
  const capped: typeof globalThis.fetch = async (input, init) => {
    await bucket.take(init?.signal ?? undefined);
    return inner(input, init);
  };
  return createAudian({ ...options, fetch: capped });
}
