import { benchUsers, loadEvents, paced, percentile, sandboxWithClient, sleep } from './events-client.mjs';

/**
 * Write → event latency on the sandbox: PATCHes of users at `rate` writes/s through the SDK, and
 * one `object.doc_edited.user` subscription of @audian/events in the same process; each event is
 * matched to its write by document id (oldest pending first) and timed from just before the
 * write was sent to the moment the iterator yields it.
 */
export async function eventsLatency({ rate = 200, seconds = 10, targetMs = 20 } = {}) {
  const { createEvents } = await loadEvents();
  const { stop, audian, eventsUrl } = await sandboxWithClient();
  const events = createEvents({ transport: audian.transport, eventsUrl });
  try {
    const ids = await benchUsers(audian, 40);
    const pending = new Map(ids.map((id) => [id, []]));
    let latencies = [];
    let received = 0;
    const subscription = events.subscribe('object.doc_edited.user');
    await subscription.ready;
    const consumer = (async () => {
      for await (const event of subscription) {
        const sent = pending.get(event.data.id)?.shift();
        if (sent === undefined) continue;
        latencies.push(performance.now() - sent);
        received++;
      }
    })();
    const run = async (total) => {
      const results = await paced(total, rate, (i) => {
        const id = ids[i % ids.length];
        const sent = performance.now();
        pending.get(id).push(sent);
        // A write that failed publishes nothing: it leaves the queue and is reported apart.
        return audian.users.patch(id, { title: `write ${i}` }).catch((error) => {
          const queue = pending.get(id);
          queue.splice(queue.indexOf(sent), 1);
          throw error;
        });
      });
      const failed = results.filter((r) => r.status === 'rejected').length;
      // What is still on its way after the last write answered.
      const deadline = performance.now() + 2000;
      while (received < total - failed && performance.now() < deadline) await sleep(10);
      return failed;
    };
    await run(rate); // a second of warm-up (JIT, SQLite's cache), not counted
    latencies = [];
    received = 0;
    const total = rate * seconds;
    const failed = await run(total);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const lost = total - failed - received;
    await subscription.close();
    await consumer;
    return [
      {
        name: `event latency, write → SDK (${rate} writes/s, p99)`,
        baseline: `target ${targetMs} ms`,
        measured: `p99 ${p99.toFixed(1)} ms (p50 ${p50.toFixed(1)}, max ${Math.max(...latencies).toFixed(1)}; ${lost} of ${total - failed} lost${failed ? `; ${failed} writes failed` : ''})`,
        ratio: lost > 0 ? Number.NaN : p99 / targetMs,
        target: 1,
      },
    ];
  } finally {
    events.close();
    stop();
  }
}
