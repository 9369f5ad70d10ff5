import type { RunLookupOptions } from '../run-options.js';
import type { RunStore } from '../run-state.js';
import { connectRedis } from './connect-redis.js';
import { FileRunStore } from './file-run-store.js';
import { localRuns, localStore } from './local-runs.js';
import { RedisRunStore } from './redis-run-store.js';

/**
 * The run state a lookup reads: Redis when a URL is given; a local run of this process; a local
 * run's state file under `stateDir`; else this process's in-memory runs (which will not have it).
 */
export async function openStore(runId: string, options: RunLookupOptions): Promise<{ store: RunStore; close: () => Promise<void> }> {
  if (options.redis !== undefined) {
    const store = new RedisRunStore(await connectRedis(options.redis));
    return { store, close: () => store.close() };
  }
  const local = localRuns.get(runId);
  if (local) return { store: local.store, close: async () => undefined };
  if (options.stateDir !== undefined) {
    const store = new FileRunStore(options.stateDir);
    return { store, close: () => store.close() };
  }
  return { store: localStore, close: async () => undefined };
}
