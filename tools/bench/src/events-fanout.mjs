import { benchUsers, loadEvents, paced, percentile, sandboxWithClient, sleep } from './events-client.mjs';

/**
 * Fan-out: `subscribers` event clients, each with its own websocket to one sandbox and one
 * `object.doc_edited.user` subscription, then `writes` PATCHes at `rate`/s; every subscriber must
 * receive every event. Counts what was lost and times each delivery from its write.
 */
export async function eventsFanout({ subscribers = 1000, writes = 100, rate = 20 } = {}) {
  const { createEvents } = await loadEvents();
  const { stop, audian, eventsUrl } = await sandboxWithClient();
  // One transport (one login) for every client; each client still opens its own socket.
  const clients = Array.from({ length: subscribers }, () => createEvents({ transport: audian.transport, eventsUrl, ping: false }));
  try {
    const [id] = await benchUsers(audian, 1);
    const sentAt = [];
    const counts = new Array(subscribers).fill(0);
    const latencies = [];
    const connecting = performance.now();
    const subscriptions = clients.map((client) => client.subscribe('object.doc_edited.user'));
    await Promise.all(subscriptions.map((s) => s.ready));
    const readyMs = performance.now() - connecting;
    const consumers = subscriptions.map(async (subscription, n) => {
      for await (const event of subscription) {
        if (event.data.id !== id) continue;
        // At 20 writes/s each write has answered long before the next: the k-th event is the k-th write's.
        const sent = sentAt[counts[n]];
        if (sent !== undefined) latencies.push(performance.now() - sent);
        counts[n]++;
      }
    });
    const results = await paced(writes, rate, (i) => {
      sentAt[i] = performance.now();
      return audian.users.patch(id, { title: `fan-out ${i}` });
    });
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length > 0) throw new Error(`${failed.length} writes failed: ${failed[0].reason}`);
    const expected = subscribers * writes;
    const deadline = performance.now() + 10_000;
    let delivered = 0;
    while (performance.now() < deadline) {
      delivered = counts.reduce((a, b) => a + b, 0);
      if (delivered >= expected) break;
      await sleep(50);
    }
    const lost = expected - delivered;
    const short = counts.filter((c) => c < writes).length;
    for (const s of subscriptions) s.close();
    await Promise.all(consumers);
    return [
      {
        name: `${subscribers.toLocaleString('en')} subscribers on one sandbox: events lost`,
        baseline: `${expected.toLocaleString('en')} deliveries (${writes} writes × ${subscribers})`,
        measured: `${lost} lost (${short} subscribers short); delivery p99 ${percentile(latencies, 99).toFixed(0)} ms; all subscribed in ${(readyMs / 1000).toFixed(1)} s`,
        ratio: lost / expected,
        target: 0,
      },
    ];
  } finally {
    for (const client of clients) client.close();
    stop();
  }
}
