import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createApiKeyAuth } from '@audian/auth';
import { applyOfficePlan, parseOfficeSpec, planOffice } from '@audian/fleet';
import { type Audian, createAudian } from '@audian/resources';
import { type Sandbox, startSandbox } from '@audian/sandbox';
import { describeOffice } from './office';
import { isNoop, renderApplied, renderPlan } from './render';
import { serveDashboard } from './serve-dashboard';

/**
 * Places one simulated call to an extension and prints its events as the websocket delivers
 * them (the caller's leg: ringing, answered, hung up), then its CDR.
 */
async function showLiveCall(audian: Audian, sandbox: Sandbox, to: string, say: (text: string) => void): Promise<void> {
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s`;
  const events = audian.events.subscribe('call.*.*');
  let call: ReturnType<Sandbox['placeCall']>;
  try {
    await events.ready;
    call = sandbox.placeCall({ to, from: '+14155550142', callerIdName: 'Demo Caller', answerAfterMs: 600, durationMs: 1500 });
    for await (const event of events) {
      if (event.data.call_id !== call.call_id) continue;
      const { caller_id_name: name, caller_id_number: number, callee_id_name: callee, hangup_cause: cause } = event.data;
      if (event.name === 'CHANNEL_CREATE') say(`  ${at()}  CHANNEL_CREATE   ${name} (${number}) → ${callee ?? to}: ringing`);
      if (event.name === 'CHANNEL_ANSWER') say(`  ${at()}  CHANNEL_ANSWER   answered`);
      if (event.name === 'CHANNEL_BRIDGE') say(`  ${at()}  CHANNEL_BRIDGE   talking`);
      if (event.name === 'CHANNEL_DESTROY') {
        say(`  ${at()}  CHANNEL_DESTROY  hung up (${cause})`);
        break;
      }
    }
  } finally {
    // The demo's only socket: closed, the process can end when the demo does.
    audian.events.close();
  }
  await call.finished;
  const [cdr] = (await audian.cdrs.list({ pageSize: 1 })).data as Record<string, unknown>[];
  if (cdr?.call_id === call.call_id) say(`  CDR: ${cdr.duration_seconds} s, ${cdr.billing_seconds} s talking, ${cdr.hangup_cause}`);
}

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

    const first = spec.users.find((u) => u.extension)?.extension ?? '1001';
    say(`\nLive events: a simulated call to extension ${first}, as the API's websocket reports it:`);
    await showLiveCall(audian, sandbox, first, say);

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
      // Something to watch on the dashboard's live panel: a call to one of the office's extensions every 20 s.
      const extensions = spec.users.flatMap((u) => (u.extension ? [u.extension] : []));
      let next = 0;
      const calling = setInterval(() => {
        const to = extensions[next++ % extensions.length] ?? first;
        sandbox.placeCall({
          to,
          from: `+1415555${String(1000 + Math.floor(Math.random() * 8999))}`,
          answerAfterMs: 4000,
          durationMs: 12_000,
        });
      }, 20_000);
      say(
        `\nThe sandbox keeps running (API ${sandbox.url}/v2/, API key ${sandbox.apiKey}) and places a simulated call every 20 s. Press Ctrl-C to stop.`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      clearInterval(calling);
      await dashboard?.close();
    } else {
      say('  • Run `npm run demo` in a terminal to keep the sandbox and the browser dashboard running.');
    }
    return 0;
  } finally {
    await sandbox.stop();
  }
}
