import type { Redis } from 'ioredis';
import type { AccountRun, RunInfo, RunPace, RunStore } from '../run-state.js';
import { type TaskRef, taskKey } from './task-ref.js';
import { readPace } from './worker-pace.js';

const PREFIX = 'audian:fleet:run:';

// Two hashes per run: `…:<id>` holds the submitted run (job, mode, cancelled flag) and
// `…:<id>:accounts` one JSON record per account. HSET is idempotent, so a task that runs twice
// writes the same final record twice.
export class RedisRunStore implements RunStore {
  readonly #redis: Redis;

  constructor(redis: Redis) {
    this.#redis = redis;
  }

  async createRun(info: RunInfo, tasks: readonly TaskRef[]): Promise<void> {
    const now = new Date().toISOString();
    const multi = this.#redis.multi().hset(`${PREFIX}${info.runId}`, { info: JSON.stringify(info) });
    const records: string[] = [];
    for (const task of tasks) records.push(taskKey(task), JSON.stringify({ ...task, state: 'pending', attempts: 0, updatedAt: now }));
    if (records.length > 0) multi.hset(`${PREFIX}${info.runId}:accounts`, ...records);
    await multi.exec();
  }

  async info(runId: string): Promise<RunInfo | undefined> {
    const raw = await this.#redis.hget(`${PREFIX}${runId}`, 'info');
    return raw === null ? undefined : (JSON.parse(raw) as RunInfo);
  }

  async accounts(runId: string): Promise<AccountRun[]> {
    return (await this.#redis.hvals(`${PREFIX}${runId}:accounts`)).map((raw) => JSON.parse(raw) as AccountRun);
  }

  async account(runId: string, key: string): Promise<AccountRun | undefined> {
    const raw = await this.#redis.hget(`${PREFIX}${runId}:accounts`, key);
    return raw === null ? undefined : (JSON.parse(raw) as AccountRun);
  }

  async putAccount(runId: string, record: AccountRun): Promise<void> {
    await this.#redis.hset(`${PREFIX}${runId}:accounts`, taskKey(record), JSON.stringify(record));
  }

  async updateInfo(runId: string, changes: Partial<Pick<RunInfo, 'cancelled' | 'round' | 'pace'>>): Promise<void> {
    const info = await this.info(runId);
    if (info) await this.#redis.hset(`${PREFIX}${runId}`, { info: JSON.stringify({ ...info, ...changes }) });
  }

  /** The live workers of a queue, summed (see worker-pace.ts). */
  pace(queue: string): Promise<RunPace> {
    return readPace(this.#redis, queue);
  }

  async close(): Promise<void> {
    await this.#redis.quit().catch(() => undefined);
  }
}
