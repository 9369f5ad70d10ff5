import { createApiKeyAuth } from '@audian/auth';
import { createAudian } from '@audian/resources';
import { median, startChild, timeRuns } from './util.mjs';

/**
 * `audian.users.get(id)` (auth header, envelope, schema check) against a hand-written `fetch` of
 * the same URL, on a fixed-answer server in another process, at concurrency 1 and 16. Rounds
 * alternate between the two so that machine noise hits both alike; the median round counts.
 */
export async function requestOverhead({ perRound = 1000, rounds = 7 } = {}) {
  const { info, stop } = await startChild('./fixture-server.mjs');
  try {
    const base = `http://127.0.0.1:${info.port}/v2/`;
    const url = `${base}accounts/${info.account}/users/${info.user}`;
    // The fixture has no rate limit; the client's bucket would only measure waiting.
    const audian = createAudian({ baseUrl: base, auth: createApiKeyAuth({ apiKey: 'k'.repeat(64) }), rateLimit: false });
    await audian.users.get(info.user);
    const handWritten = async () => {
      const res = await fetch(url, { headers: { 'x-auth-token': 'bench-token', accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()).data;
    };
    const sdk = () => audian.users.get(info.user);
    const rows = [];
    for (const concurrency of [1, 16]) {
      await timeRuns(perRound, concurrency, handWritten);
      await timeRuns(perRound, concurrency, sdk);
      const ratios = [];
      let baseline = 0;
      let measured = 0;
      for (let round = 0; round < rounds; round++) {
        const b = await timeRuns(perRound, concurrency, handWritten);
        const m = await timeRuns(perRound, concurrency, sdk);
        baseline += b;
        measured += m;
        ratios.push(m / b);
      }
      rows.push({
        name: `request overhead: users.get vs fetch, concurrency ${concurrency}`,
        baseline: `${((perRound * rounds) / (baseline / 1000)).toFixed(0)} req/s (fetch)`,
        measured: `${((perRound * rounds) / (measured / 1000)).toFixed(0)} req/s (SDK)`,
        ratio: median(ratios),
        target: 1.0,
      });
    }
    return rows;
  } finally {
    stop();
  }
}
