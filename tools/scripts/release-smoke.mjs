// Smoke test of the packed packages through ESM `import`: run by release-dry.mjs inside a
// scratch project where the tarballs are installed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createApiKeyAuth } from '@audian/auth';
import { AudianError, toGregorianSeconds, VERSION } from '@audian/core';
import { createEvents } from '@audian/events';
import { runJob } from '@audian/fleet';
import { createAudian } from '@audian/resources';
import { UserSchema } from '@audian/resources/schemas';
import { startSandbox } from '@audian/sandbox';

const sandbox = await startSandbox();
try {
  const audian = createAudian({ baseUrl: `${sandbox.url}/v2/`, auth: createApiKeyAuth({ apiKey: sandbox.apiKey }) });
  const user = await audian.users.create({ first_name: 'Smoke', last_name: 'Test' });
  const all = await audian.users.list().toArray();
  if (!all.some((u) => u.id === user.id)) throw new Error('created user missing from the listing');
  if (typeof UserSchema !== 'object' || !(new AudianError('x') instanceof Error) || toGregorianSeconds(0) !== 62167219200)
    throw new Error('exports broken');
  // A local fleet run reaches the same sandbox through the packed resources package.
  const run = await runJob(
    { accounts: { ids: [sandbox.accountId] }, action: 'audit', resource: 'users', fields: ['id'] },
    { client: { baseUrl: `${sandbox.url}/v2/`, apiKey: sandbox.apiKey } },
  );
  const fleet = await run.finished();
  await run.close();
  if (fleet.done !== 1) throw new Error(`fleet audit: ${JSON.stringify(fleet)}`);
  if (typeof createEvents({ auth: createApiKeyAuth({ apiKey: sandbox.apiKey }), eventsUrl: 'ws://127.0.0.1:9/' }).close !== 'function')
    throw new Error('events client broken');
  const version = execFileSync(process.execPath, ['node_modules/@audian/cli/dist/bin.js', '--version'], { encoding: 'utf8' }).trim();
  const manifest = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
  if (version !== manifest('@audian/cli').version)
    throw new Error(`audian --version says ${version}, package is ${manifest('@audian/cli').version}`);
  if (VERSION !== manifest('@audian/core').version)
    throw new Error(`core VERSION is ${VERSION}, package is ${manifest('@audian/core').version}`);
  console.log(`ESM smoke ok: ${all.length} users, audian ${version}`);
} finally {
  await sandbox.stop();
}
