import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@audian/core';
import type { AccountRun, RunInfo } from '../run-state.js';
import { MemoryRunStore } from './memory-run-store.js';
import type { TaskRef } from './task-ref.js';

const FLUSH_DELAY_MS = 200;

/** The process that runs a local run: another process asks it to cancel, or finds it gone. */
export interface RunOwner {
  readonly pid: number;
  readonly host: string;
}

/**
 * Local mode's run state kept in `<dir>/<run id>.json` as well as in memory, so another process
 * (a later `status`, `results` or `retry`) can read it. Writes follow the changes within
 * 200 ms, whole and atomically (written aside, then renamed), with mode 0600: results may hold
 * audit rows. The store of the process that runs the run (`owner: true`) records that process in
 * the file; any other keeps the owner it read.
 */
export class FileRunStore extends MemoryRunStore {
  readonly #dir: string;
  readonly #owners = new Map<string, RunOwner | undefined>();
  readonly #owner: RunOwner | undefined;
  readonly #dirty = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(dir: string, options: { owner?: boolean } = {}) {
    super();
    this.#dir = dir;
    this.#owner = options.owner ? { pid: process.pid, host: hostname() } : undefined;
  }

  /** The directory of the state files. */
  get dir(): string {
    return this.#dir;
  }

  /** The process that runs the run, as its state file says. */
  async owner(runId: string): Promise<RunOwner | undefined> {
    await this.#load(runId);
    return this.#owner ?? this.#owners.get(runId);
  }

  #file(runId: string): string {
    if (!/^[\w-]+$/.test(runId)) throw new InvalidArgumentError('runId', `not a run id: ${JSON.stringify(runId)}`);
    return join(this.#dir, `${runId}.json`);
  }

  async #load(runId: string): Promise<void> {
    if (this.snapshot(runId)) return;
    let text: string;
    try {
      text = await readFile(this.#file(runId), 'utf8');
    } catch {
      return;
    }
    const { info, accounts, owner } = JSON.parse(text) as { info: RunInfo; accounts: AccountRun[]; owner?: RunOwner };
    this.#owners.set(runId, owner);
    this.restore(info, accounts);
  }

  #schedule(runId: string): void {
    this.#dirty.add(runId);
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, FLUSH_DELAY_MS);
  }

  /** Writes every changed run now. */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const runs = [...this.#dirty];
    this.#dirty.clear();
    if (runs.length === 0) return this.#writing;
    this.#writing = this.#writing.then(async () => {
      await mkdir(this.#dir, { recursive: true, mode: 0o700 });
      for (const runId of runs) {
        const file = this.#file(runId);
        const owner = this.#owner ?? this.#owners.get(runId);
        await writeFile(`${file}.${process.pid}.partial`, JSON.stringify({ ...this.snapshot(runId), ...(owner ? { owner } : {}) }), {
          mode: 0o600,
        });
        await rename(`${file}.${process.pid}.partial`, file);
      }
    });
    return this.#writing;
  }

  override async createRun(info: RunInfo, tasks: readonly TaskRef[]): Promise<void> {
    await super.createRun(info, tasks);
    this.#dirty.add(info.runId);
    await this.flush();
  }

  override async info(runId: string): Promise<RunInfo | undefined> {
    await this.#load(runId);
    return super.info(runId);
  }

  override async accounts(runId: string): Promise<AccountRun[]> {
    await this.#load(runId);
    return super.accounts(runId);
  }

  override async account(runId: string, key: string): Promise<AccountRun | undefined> {
    await this.#load(runId);
    return super.account(runId, key);
  }

  override async putAccount(runId: string, record: AccountRun): Promise<void> {
    await this.#load(runId);
    await super.putAccount(runId, record);
    this.#schedule(runId);
  }

  override async updateInfo(runId: string, changes: Partial<Pick<RunInfo, 'cancelled' | 'round' | 'pace'>>): Promise<void> {
    await this.#load(runId);
    await super.updateInfo(runId, changes);
    this.#schedule(runId);
  }

  override close(): Promise<void> {
    return this.flush();
  }
}
