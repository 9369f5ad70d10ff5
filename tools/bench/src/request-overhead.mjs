import dc from 'node:diagnostics_channel';
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
    rows.push(...(await phases(handWritten, sdk)));
    return rows;
  } finally {
    stop();
  }
}

/**
 * Where a sequential request's time goes, for the baseline and the SDK: from the call until the
 * request is handed to the socket, and from the response's last byte until the caller has the data
 * (medians of 3,000 calls at concurrency 1). Read off the HTTP clients' own diagnostics channels:
 * undici's `sendHeaders`/`trailers` for `fetch`, node:http's request start and response finish for
 * the SDK's Node fetch.
 */
async function phases(handWritten, sdk) {
  let sent = 0;
  let ended = 0;
  const onSend = () => {
    sent = performance.now();
  };
  const onEnd = () => {
    ended = performance.now();
  };
  const channels = [
    ['http.client.request.start', onSend],
    ['undici:client:sendHeaders', onSend],
    ['http.client.response.finish', onEnd],
    ['undici:request:trailers', onEnd],
  ];
  for (const [name, listener] of channels) dc.subscribe(name, listener);
  try {
    const measure = async (once) => {
      for (let i = 0; i < 500; i++) await once();
      const before = [];
      const after = [];
      for (let i = 0; i < 3000; i++) {
        const start = performance.now();
        await once();
        const done = performance.now();
        before.push(sent - start);
        after.push(done - ended);
      }
      return { before: median(before) * 1000, after: median(after) * 1000 };
    };
    const fetchSide = await measure(handWritten);
    const sdkSide = await measure(sdk);
    const us = (n) => `${n.toFixed(0)} µs`;
    return [
      {
        name: 'request overhead, concurrency 1: call → request handed to the HTTP client (median)',
        baseline: `${us(fetchSide.before)} (fetch)`,
        measured: `${us(sdkSide.before)} (SDK)`,
        ratio: sdkSide.before / fetchSide.before,
        target: undefined,
      },
      {
        name: 'request overhead, concurrency 1: last response byte → data in hand (median)',
        baseline: `${us(fetchSide.after)} (fetch)`,
        measured: `${us(sdkSide.after)} (SDK)`,
        ratio: sdkSide.after / fetchSide.after,
        target: undefined,
      },
    ];
  } finally {
    for (const [name, listener] of channels) dc.unsubscribe(name, listener);
  }
}
