import type { RunStore } from '../run-state.js';
import { connectRedis } from './connect-redis.js';
import { localStore } from './local-runs.js';
import { RedisRunStore } from './redis-run-store.js';

/** The run state a lookup reads: Redis when a URL is given, else this process's local runs. */
export async function openStore(redis: string | undefined): Promise<{ store: RunStore; close: () => Promise<void> }> {
  if (redis === undefined) return { store: localStore, close: async () => undefined };
  const store = new RedisRunStore(await connectRedis(redis));
  return { store, close: () => store.close() };
}
