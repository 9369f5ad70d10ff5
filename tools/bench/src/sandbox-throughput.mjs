import { Agent, request } from 'node:http';
import { startChild } from './util.mjs';

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function send(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Requests per second for `seconds`, `concurrency` in flight, each made by `make(i)`. */
async function rate(seconds, concurrency, make) {
  let done = 0;
  let i = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const { status } = await make(i++);
        if (status >= 300) throw new Error(`answered ${status}`);
        done++;
      }
    }),
  );
  return done / seconds;
}

async function measure(script, args, seconds) {
  const { info, stop } = await startChild(script, args);
  try {
    const base = info.apiUrl;
    let token = 'x';
    let account = 'a'.repeat(32);
    if (info.apiKey) {
      const login = await send(
        `${base}api_auth`,
        'PUT',
        { 'content-type': 'application/json' },
        JSON.stringify({ data: { api_key: info.apiKey } }),
      );
      const parsed = JSON.parse(login.body);
      token = parsed.auth_token;
      account = parsed.data.account_id;
    }
    const headers = { 'x-auth-token': token, 'content-type': 'application/json' };
    const created = JSON.parse(
      (await send(`${base}accounts/${account}/users`, 'PUT', headers, JSON.stringify({ data: { first_name: 'Bench', last_name: 'User' } })))
        .body,
    ).data;
    await rate(0.5, 16, () => send(`${base}accounts/${account}/users/${created.id}`, 'GET', headers));
    const gets = await rate(seconds, 32, () => send(`${base}accounts/${account}/users/${created.id}`, 'GET', headers));
    const creates = await rate(seconds, 32, (i) =>
      send(
        `${base}accounts/${account}/users`,
        'PUT',
        headers,
        JSON.stringify({
          data: { first_name: 'Bench', last_name: `User ${i}`, username: `bench-${process.pid}-${i}`, password: 'bench-Pa55word' },
        }),
      ),
    );
    return { gets, creates };
  } finally {
    stop();
  }
}

/** Authenticated GETs/s and creates/s of the sandbox (in memory), next to a bare node:http server. */
export async function sandboxThroughput({ seconds = 3 } = {}) {
  const bare = await measure('./throughput-fixed-server.mjs', [], seconds);
  const sandbox = await measure('./sandbox-child.mjs', ['{}'], seconds);
  const fmt = (n) => `${Math.round(n).toLocaleString('en')}/s`;
  return [
    {
      name: 'sandbox throughput: authenticated GETs/s (target ≥ 2,000/s)',
      baseline: `bare node:http ${fmt(bare.gets)}`,
      measured: fmt(sandbox.gets),
      ratio: 2000 / sandbox.gets,
      target: 1.0,
    },
    {
      name: 'sandbox throughput: creates/s (target ≥ 500/s)',
      baseline: `bare node:http ${fmt(bare.creates)}`,
      measured: fmt(sandbox.creates),
      ratio: 500 / sandbox.creates,
      target: 1.0,
    },
  ];
}
