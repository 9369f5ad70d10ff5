// What the events benchmarks share: a sandbox in its own process, an SDK client logged in to it,
// and @audian/events itself (a dependency of @audian/resources, reached through it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApiKeyAuth } from '@audian/auth';
import { createAudian } from '@audian/resources';
import { startChild } from './util.mjs';

/** `createEvents` and the rest of @audian/events' built ESM entry. */
export async function loadEvents() {
  const fromResources = createRequire(import.meta.resolve('@audian/resources'));
  const dir = dirname(fromResources.resolve('@audian/events/package.json'));
  const entry = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports['.'].import.default;
  return import(pathToFileURL(join(dir, entry)).href);
}

/** A sandbox process and an SDK client on it (no client-side rate limit: the benches set the pace). */
export async function sandboxWithClient(options = {}) {
  const { info, child, stop } = await startChild('./sandbox-child.mjs', [JSON.stringify(options)]);
  const audian = createAudian({ baseUrl: info.apiUrl, auth: createApiKeyAuth({ apiKey: info.apiKey }), rateLimit: false });
  await audian.session();
  const eventsUrl = `ws://${new URL(info.apiUrl).host}/`;
  return { info, child, stop, audian, eventsUrl };
}

/** Users to edit: each PATCH is one `doc_edited` event of a known id. */
export async function benchUsers(audian, count) {
  const ids = [];
  for (let i = 0; i < count; i++) ids.push((await audian.users.create({ first_name: 'Bench', last_name: `Events ${i}` })).id);
  return ids;
}

/** Percentile `p` (0–100) of `values`. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `total` writes at `perSecond`, open loop (each on its schedule, whether or not the
 * previous one has answered, as independent clients would); `write(i)` is called at its time.
 */
export async function paced(total, perSecond, write) {
  const started = performance.now();
  const inflight = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    // Settled at once, so a failed write is counted rather than left an unhandled rejection.
    inflight.push(
      write(i).then(
        (value) => ({ status: 'fulfilled', value }),
        (reason) => ({ status: 'rejected', reason }),
      ),
    );
  }
  return Promise.all(inflight);
}
