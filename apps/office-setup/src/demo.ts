import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createApiKeyAuth } from '@audian/auth';
import { applyOfficePlan, parseOfficeSpec, planOffice } from '@audian/fleet';
import { createAudian } from '@audian/resources';
import { startSandbox } from '@audian/sandbox';
import { describeOffice } from './office';
import { isNoop, renderApplied, renderPlan } from './render';
import { serveDashboard } from './serve-dashboard';

/**
 * The README's demo: a local sandbox, the example office applied to it (then planned again to
 * show nothing is left to do), the office printed, and how to go further.
 */
export async function runDemo(options: { serve: boolean }): Promise<number> {
  const specFile = fileURLToPath(new URL('../examples/acme-dental.yaml', import.meta.url));
  const spec = parseOfficeSpec(await readFile(specFile, 'utf8'), 'examples/acme-dental.yaml');
  const sandbox = await startSandbox({ demoData: true });
  const say = (text = '') => process.stdout.write(`${text}\n`);
  try {
    say(`Started a local Audian sandbox at ${sandbox.url} (account "${sandbox.accountName}").`);
    const audian = createAudian({ baseUrl: `${sandbox.url}/v2/`, auth: createApiKeyAuth({ apiKey: sandbox.apiKey }) });

    const plan = await planOffice(audian, spec);
    say(`\n${renderPlan(plan)}`);
    const applied = await applyOfficePlan(audian, plan);
    say(`\nApplied ${applied.length} documents:\n${renderApplied(applied)}`);

    const again = await planOffice(audian, spec);
    say(`\nRunning the same spec again: ${isNoop(again) ? 'nothing to change — office-setup is idempotent.' : 'unexpected changes!'}`);
    say(`\n${await describeOffice(audian, spec.office)}`);

    say('\nNext steps:');
    say('  • Point the same commands at the real Audian API:');
    say(
      '      AUDIAN_API_KEY=<your 64-character key> node apps/office-setup/dist/bin.js apply apps/office-setup/examples/acme-dental.yaml',
    );
    say('    (AUDIAN_BASE_URL defaults to https://api.audian.com:8443/v2/; plan first with `plan` instead of `apply`.)');
    say('  • The audian CLI works the same way: `audian login --api-key <key>` then `audian users list`.');

    if (options.serve && process.stdout.isTTY) {
      const dashboard = await serveDashboard(sandbox);
      if (dashboard) say(`  • Open the dashboard: ${dashboard.url}`);
      say(`\nThe sandbox keeps running (API ${sandbox.url}/v2/, API key ${sandbox.apiKey}). Press Ctrl-C to stop.`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await dashboard?.close();
    } else {
      say('  • Run `npm run demo` in a terminal to keep the sandbox and the browser dashboard running.');
    }
    return 0;
  } finally {
    await sandbox.stop();
  }
}
