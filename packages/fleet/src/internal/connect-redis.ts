import { InvalidArgumentError } from '@audian/core';
import { Redis, type RedisOptions } from 'ioredis';
import { RedisUnavailableError } from '../redis-unavailable-error.js';
import { safeRedisUrl } from '../safe-redis-url.js';

/** How long a first connection may take before it is reported as unreachable. */
export const CONNECT_TIMEOUT_MS = 5000;

function checkUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')) {
    throw new InvalidArgumentError('redis', `redis must be a redis:// or rediss:// URL, got ${JSON.stringify(safeRedisUrl(url))}`);
  }
}

/**
 * Opens a connection and waits until it answers PING, or fails within `timeoutMs`. ioredis
 * retries forever by default and queues commands meanwhile, which turns a wrong URL into a hang:
 * the first connection is made with no retries and a bounded timeout. Once up, a `worker`
 * connection reconnects after an outage (BullMQ needs `maxRetriesPerRequest: null` for its
 * blocking commands); any other connection gives up after a few tries.
 */
export async function connectRedis(url: string, options: { worker?: boolean; timeoutMs?: number } = {}): Promise<Redis> {
  checkUrl(url);
  const timeoutMs = options.timeoutMs ?? CONNECT_TIMEOUT_MS;
  let connected = false;
  const redisOptions: RedisOptions = {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: options.worker ? null : 3,
    retryStrategy: (times) => (!connected ? null : options.worker || times <= 5 ? Math.min(times * 200, 2000) : null),
  };
  const redis = new Redis(url, redisOptions);
  // Without a listener ioredis prints every connection error; the first one is thrown below.
  redis.on('error', () => undefined);
  const timer = new Promise<never>((_, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    t.unref();
  });
  try {
    await Promise.race([redis.connect().then(() => redis.ping()), timer]);
    connected = true;
    return redis;
  } catch (error) {
    redis.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new RedisUnavailableError(safeRedisUrl(url), reason, error);
  }
}
