import { createServer, connect as tcpConnect } from 'node:net';
import { benchUsers, loadEvents, paced, sandboxWithClient, sleep } from './events-client.mjs';

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
    const ids = await benchUsers(audian, 20);
    const subscription = events.subscribe('object.doc_edited.user');
    await subscription.ready;
    const arrivals = [];
    const consumer = (async () => {
      for await (const _event of subscription) arrivals.push(performance.now());
    })();
    const total = rate * seconds;
    const sent = [];
    let cutAt;
    const cut = sleep(cutAfterS * 1000).then(() => {
      cutAt = performance.now();
      proxy.cut(downMs);
    });
    const results = await paced(total, rate, (i) => {
      sent[i] = performance.now();
      return audian.users.patch(ids[i % ids.length], { title: `reconnect ${i}` });
    });
    await cut;
    if (results.some((r) => r.status === 'rejected')) throw new Error('a write failed');
    await sleep(1000);
    subscription.close();
    await consumer;
    const back = arrivals.find((t) => t > cutAt);
    const backMs = back === undefined ? Number.POSITIVE_INFINITY : back - cutAt;
    const lost = total - arrivals.length;
    const sentWhileDown = sent.filter((t) => t >= cutAt && t < (back ?? Number.POSITIVE_INFINITY)).length;
    return [
      {
        name: 'reconnect: events flowing again after the server side is cut',
        baseline: `target ${targetMs} ms`,
        measured: `${backMs.toFixed(0)} ms (socket reopened after ${reopenedAt === undefined ? '—' : (reopenedAt - cutAt).toFixed(0)} ms; refused for ${downMs} ms)`,
        ratio: backMs / targetMs,
        target: 1,
      },
      {
        name: 'reconnect: events missed while down (not replayed)',
        baseline: `${total} writes at ${rate}/s`,
        measured: `${lost} missed (${sentWhileDown} writes were sent while it was down)`,
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
