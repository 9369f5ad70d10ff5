import { randomUUID } from 'node:crypto';
import { CROSSBAR_RATE_LIMIT, type RateLimitOptions } from '@audian/core';
import type { AudianOptions } from '@audian/resources';
import type { Redis } from 'ioredis';
import type { RunPace } from '../run-state.js';

const PREFIX = 'audian:fleet:pace:';
/** How often a worker says it is alive; its entry lives three times as long, so a dead worker stops counting within 15 s. */
export const PACE_REFRESH_MS = 5000;
const PACE_TTL_MS = 3 * PACE_REFRESH_MS;

/** One worker's pace, as it publishes it. */
export interface WorkerPace {
  readonly concurrency: number;
  readonly maxRequestsPerSecond?: number;
  readonly rateLimit?: RateLimitOptions;
}

/**
 * Publishes a worker's pace under `audian:fleet:pace:<queue>:<worker>` with a time to live,
 * refreshed while it runs. An expiry (Redis's clock, not the machines') rather than a time
 * written in the value, so that workers on machines with skewed clocks still count.
 */
export async function publishPace(redis: Redis, queue: string, pace: WorkerPace): Promise<{ stop(): Promise<void> }> {
  const key = `${PREFIX}${queue}:${randomUUID()}`;
  const value = JSON.stringify(pace);
  const refresh = () => redis.set(key, value, 'PX', PACE_TTL_MS);
  await refresh();
  // A failed refresh (Redis down a moment) is retried by the next tick; the entry may lapse meanwhile.
  const timer = setInterval(() => void refresh().catch(() => undefined), PACE_REFRESH_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await redis.del(key).catch(() => undefined);
    },
  };
}

/** The more generous of two buckets: the estimate is a floor, so it assumes the faster worker. */
function generous(a: RateLimitOptions | undefined, b: RateLimitOptions | undefined): RateLimitOptions | undefined {
  if (a === undefined || b === undefined) return undefined;
  return a.refillPerSecond !== b.refillPerSecond ? (a.refillPerSecond > b.refillPerSecond ? a : b) : a.capacity >= b.capacity ? a : b;
}

/** The live workers of a queue, summed (0 workers when none has reported in the last 15 s). */
export async function readPace(redis: Redis, queue: string): Promise<RunPace> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${PREFIX}${queue}:*`, 'COUNT', 1000);
    keys.push(...found);
    cursor = next;
  } while (cursor !== '0');
  const values = keys.length === 0 ? [] : await redis.mget(...new Set(keys));
  const workers = values.flatMap((raw) => (raw === null ? [] : [JSON.parse(raw) as WorkerPace]));
  if (workers.length === 0) return { workers: 0, concurrency: 0 };
  const capped = workers.every((w) => w.maxRequestsPerSecond !== undefined);
  const rateLimit = workers.map((w) => w.rateLimit).reduce(generous);
  return {
    workers: workers.length,
    concurrency: workers.reduce((sum, w) => sum + w.concurrency, 0),
    ...(capped ? { maxRequestsPerSecond: workers.reduce((sum, w) => sum + (w.maxRequestsPerSecond as number), 0) } : {}),
    ...(rateLimit ? { rateLimit } : {}),
  };
}

/** The bucket a client with these options keeps per account: its `rateLimit`, Crossbar's by default, none with `false`. */
export function rateLimitOf(option: RateLimitOptions | false | undefined, fallback: RateLimitOptions): RateLimitOptions | undefined {
  if (option === false) return undefined;
  const { capacity, refillPerSecond } = option ?? fallback;
  return { capacity, refillPerSecond };
}

/** A local run's pace: this process, as one worker. */
export function localPace(concurrency: number, maxRequestsPerSecond: number | undefined, client: AudianOptions | undefined): RunPace {
  const rateLimit = rateLimitOf(client?.rateLimit, CROSSBAR_RATE_LIMIT);
  return {
    workers: 1,
    concurrency,
    ...(maxRequestsPerSecond === undefined ? {} : { maxRequestsPerSecond }),
    ...(rateLimit ? { rateLimit } : {}),
  };
}
