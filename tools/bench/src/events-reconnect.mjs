import { createServer, connect as tcpConnect } from 'node:net';
import { loadEvents, paced, sandboxWithClient, sleep } from './events-client.mjs';

/**
 * A TCP hop in front of the sandbox's websocket that can cut every connection at once (the
 * server side going away) and refuse new ones for a while (a restart).
 */
async function cuttableProxy(target) {
  const pairs = new Set();
  let refuseUntil = 0;
  const server = createServer((client) => {
    if (performance.now() < refuseUntil) return void client.destroy();
    const upstream = tcpConnect(target.port, target.hostname);
    const pair = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${server.address().port}/`,
    cut(downMs) {
      refuseUntil = performance.now() + downMs;
      for (const [client, upstream] of [...pairs]) {
        client.destroy();
        upstream.destroy();
      }
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Reconnect: a steady `rate` writes/s, one subscription through the proxy; mid-stream every
 * websocket connection is cut and new ones refused for `downMs`. Measures how long until events
 * flow again (the first event of a write sent after the cut), and counts the events lost: KAZOO
 * does not replay what was published while a socket was down, and neither does the sandbox.
 */
export async function eventsReconnect({ rate = 100, seconds = 6, cutAfterS = 2, downMs = 250, targetMs = 2000 } = {}) {
  const { createEvents } = await loadEvents();
  const { stop, audian, eventsUrl } = await sandboxWithClient();
  const proxy = await cuttableProxy(new URL(eventsUrl));
  let reopenedAt;
  const events = createEvents({
    transport: audian.transport,
    eventsUrl: proxy.url,
    logger: process.env.BENCH_DEBUG ? console : undefined,
    onReconnect: () => {
      reopenedAt = performance.now();
    },
  });
  try {
    const subscription = events.subscribe('object.doc_created.user');
    await subscription.ready;
    // Each write creates a user: its event names the new id, which its answer tells.
    const arrivals = new Map();
    const consumer = (async () => {
      for await (const event of subscription) arrivals.set(event.data.id, performance.now());
    })();
    const total = rate * seconds;
    const writes = [];
    let cutAt;
    const cut = sleep(cutAfterS * 1000).then(() => {
      cutAt = performance.now();
      proxy.cut(downMs);
    });
    const results = await paced(total, rate, async (i) => {
      const write = { sent: performance.now(), id: undefined };
      writes.push(write);
      write.id = (await audian.users.create({ first_name: 'Reconnect', last_name: `Write ${i}` })).id;
    });
    await cut;
    const failed = results.filter((r) => r.status === 'rejected').length;
    await sleep(1000);
    subscription.close();
    await consumer;
    const done = writes.filter((w) => w.id !== undefined);
    const missed = done.filter((w) => !arrivals.has(w.id));
    // Subscribed again by the time the first event of a write sent after the cut arrived (an upper bound).
    const after = done.filter((w) => w.sent > cutAt && arrivals.has(w.id)).map((w) => arrivals.get(w.id));
    const backMs = after.length ? Math.min(...after) - cutAt : Number.POSITIVE_INFINITY;
    const beforeCut = missed.filter((w) => w.sent < cutAt - 1000).length;
    return [
      {
        name: 'reconnect: subscribed again after the server side is cut',
        baseline: `target ${targetMs} ms`,
        measured: `${backMs.toFixed(0)} ms (socket reopened after ${reopenedAt === undefined ? '—' : (reopenedAt - cutAt).toFixed(0)} ms; new connections refused for ${downMs} ms)`,
        ratio: backMs / targetMs,
        target: 1,
      },
      {
        name: 'reconnect: events missed (KAZOO does not replay)',
        baseline: `${done.length} writes at ${rate}/s${failed ? ` (${failed} failed)` : ''}`,
        measured: `${missed.length} missed, all around the cut (${beforeCut} of a write sent more than 1 s before it)`,
        ratio: Number.NaN,
        target: undefined,
      },
    ];
  } finally {
    events.close();
    await proxy.close();
    stop();
  }
}
