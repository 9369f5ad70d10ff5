// Iterates every user of the list fixture through the SDK and reports RSS: run in its own
// process so the measurement sees only the iteration.
import { createApiKeyAuth } from '@audian/auth';
import { createAudian } from '@audian/resources';

const [port] = process.argv.slice(2).map(Number);
const audian = createAudian({
  baseUrl: `http://127.0.0.1:${port}/v2/`,
  auth: createApiKeyAuth({ apiKey: 'k'.repeat(64) }),
  rateLimit: false,
});
await audian.session();
global.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
let at10k = 0;
let count = 0;
for await (const user of audian.users.list({ pageSize: 500 })) {
  if (!user.id) throw new Error('item without id');
  count++;
  if (count % 1000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  if (count === 10_000) at10k = process.memoryUsage().rss;
}
const atEnd = process.memoryUsage().rss;
peak = Math.max(peak, atEnd);
process.send?.({ count, baseline, peak, at10k, atEnd });
