import type { AccountRun, RunInfo, RunStore } from '../run-state.js';
import { type TaskRef, taskKey } from './task-ref.js';

// Local mode keeps the run in this process: it lives as long as the process does.
export class MemoryRunStore implements RunStore {
  readonly #runs = new Map<string, { info: RunInfo; accounts: Map<string, AccountRun> }>();

  async createRun(info: RunInfo, tasks: readonly TaskRef[]): Promise<void> {
    const now = new Date().toISOString();
    const accounts = new Map(
      tasks.map((task) => [taskKey(task), { ...task, state: 'pending', attempts: 0, updatedAt: now } as AccountRun]),
    );
    this.#runs.set(info.runId, { info, accounts });
  }

  /** Puts a run read from elsewhere (a state file) back in memory. */
  restore(info: RunInfo, accounts: readonly AccountRun[]): void {
    this.#runs.set(info.runId, { info, accounts: new Map(accounts.map((a) => [taskKey(a), a])) });
  }

  /** The run as one JSON-ready value (for a state file). */
  snapshot(runId: string): { info: RunInfo; accounts: AccountRun[] } | undefined {
    const run = this.#runs.get(runId);
    return run && { info: run.info, accounts: [...run.accounts.values()] };
  }

  async info(runId: string): Promise<RunInfo | undefined> {
    return this.#runs.get(runId)?.info;
  }

  async accounts(runId: string): Promise<AccountRun[]> {
    return [...(this.#runs.get(runId)?.accounts.values() ?? [])];
  }

  async account(runId: string, key: string): Promise<AccountRun | undefined> {
    return this.#runs.get(runId)?.accounts.get(key);
  }

  async putAccount(runId: string, record: AccountRun): Promise<void> {
    this.#runs.get(runId)?.accounts.set(taskKey(record), record);
  }

  async updateInfo(runId: string, changes: Partial<Pick<RunInfo, 'cancelled' | 'round' | 'pace'>>): Promise<void> {
    const run = this.#runs.get(runId);
    if (run) run.info = { ...run.info, ...changes };
  }

  async close(): Promise<void> {}
}
