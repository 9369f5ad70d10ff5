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
    // Per document, the writes whose event has not come yet, oldest first.
    const pending = new Map(ids.map((id) => [id, []]));
    let writes = [];
    const subscription = events.subscribe('object.doc_edited.user');
    await subscription.ready;
    const consumer = (async () => {
      for await (const event of subscription) {
        const write = pending.get(event.data.id)?.shift();
        if (write) write.arrived = performance.now();
      }
    })();
    const run = async (total) => {
      writes = [];
      const results = await paced(total, rate, (i) => {
        const id = ids[i % ids.length];
        const write = { sent: performance.now(), answered: undefined, arrived: undefined };
        writes.push(write);
        pending.get(id).push(write);
        return audian.users.patch(id, { title: `write ${i}` }).then(
          () => {
            write.answered = performance.now();
          },
          (error) => {
            // A write that failed publishes nothing: it leaves the queue and is reported apart.
            const queue = pending.get(id);
            queue.splice(queue.indexOf(write), 1);
            write.failed = true;
            throw error;
          },
        );
      });
      const failed = results.filter((r) => r.status === 'rejected').length;
      // What is still on its way after the last write answered.
      const deadline = performance.now() + 2000;
      while (writes.some((w) => !w.failed && w.arrived === undefined) && performance.now() < deadline) await sleep(10);
      return failed;
    };
    await run(rate); // a second of warm-up (JIT, SQLite's cache), not counted
    const total = rate * seconds;
    const failed = await run(total);
    const arrived = writes.filter((w) => w.arrived !== undefined);
    const latencies = arrived.map((w) => w.arrived - w.sent);
    // The events path alone: from the write's answer (an event may come before it: 0).
    const afterAnswer = arrived.map((w) => Math.max(0, w.arrived - (w.answered ?? w.arrived)));
    const roundTrips = writes.filter((w) => w.answered !== undefined).map((w) => w.answered - w.sent);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const lost = total - failed - arrived.length;
    subscription.close();
    await consumer;
    return [
      {
        name: `event latency, write → SDK (${rate} writes/s, p99)`,
        baseline: `target ${targetMs} ms`,
        measured: `p99 ${p99.toFixed(1)} ms (p50 ${p50.toFixed(1)}; ${lost} of ${total - failed} lost${failed ? `; ${failed} writes failed` : ''})`,
        ratio: lost > 0 ? Number.NaN : p99 / targetMs,
        target: 1,
      },
      {
        name: 'event latency: of which the write itself (PATCH round trip, p99) / after its answer (p99)',
        baseline: `target ${targetMs} ms`,
        measured: `${percentile(roundTrips, 99).toFixed(1)} ms / ${percentile(afterAnswer, 99).toFixed(1)} ms`,
        ratio: percentile(afterAnswer, 99) / targetMs,
        target: undefined,
      },
    ];
  } finally {
    events.close();
    stop();
  }
}
