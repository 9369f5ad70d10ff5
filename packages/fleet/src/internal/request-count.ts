import { AsyncLocalStorage } from 'node:async_hooks';

/** The requests one task sent to its own account. */
export interface TaskRequests {
  readonly accountId: string;
  requests: number;
}

// Several tasks share one client (a worker's, a local run's), so the counter travels with the
// task's async context rather than with the client: exact even for two chunks of one account's
// import running at once, where the URL alone could not tell them apart.
const current = new AsyncLocalStorage<TaskRequests>();

/** First `/accounts/{id}` of a request URL: the account whose Crossbar bucket the request draws on. */
function accountOf(input: Parameters<typeof globalThis.fetch>[0]): string | undefined {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    return /\/accounts\/([^/?#]+)/.exec(new URL(href).pathname)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * A fetch that counts, for the task it runs in, each request sent to the task's account — every
 * attempt, retries included. A login (or any request outside the account) is left out: it does
 * not draw on the account's bucket, which is what the count sizes.
 */
export function countingFetch(inner: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => {
    const task = current.getStore();
    if (task !== undefined && accountOf(input) === task.accountId) task.requests++;
    return inner(input, init);
  };
}

/** Runs one task with a fresh counter; the counter is read even when the task throws. */
export function countRequests<T>(counter: TaskRequests, task: () => Promise<T>): Promise<T> {
  return current.run(counter, task);
}
