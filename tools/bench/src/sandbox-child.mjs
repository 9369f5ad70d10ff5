// Runs a sandbox in its own process for the benchmarks; answers stats requests over IPC.
import { startSandbox } from '@audian/sandbox';

const options = JSON.parse(process.argv[2] ?? '{}');
const sandbox = await startSandbox(options);
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ stats: sandbox.stats() });
  if (message === 'reset') {
    sandbox.resetStats();
    process.send?.({ reset: true });
  }
});
process.send?.({ apiUrl: sandbox.apiUrl, apiKey: sandbox.apiKey, accountId: sandbox.accountId });
process.on('disconnect', () => sandbox.stop().then(() => process.exit(0)));
