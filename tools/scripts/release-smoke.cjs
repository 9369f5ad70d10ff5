// Smoke test of the packed packages through CommonJS `require`.
const { createApiKeyAuth } = require('@audian/auth');
const { NotFoundError } = require('@audian/core');
const { createEvents } = require('@audian/events');
const { validateJob } = require('@audian/fleet');
const { createAudian } = require('@audian/resources');
const { DeviceSchema } = require('@audian/resources/schemas');
const { startSandbox } = require('@audian/sandbox');

(async () => {
  const sandbox = await startSandbox();
  try {
    const audian = createAudian({ baseUrl: `${sandbox.url}/v2/`, auth: createApiKeyAuth({ apiKey: sandbox.apiKey }) });
    const device = await audian.devices.create({ name: 'Smoke phone' });
    const again = await audian.devices.get(device.id);
    if (again.name !== 'Smoke phone' || typeof DeviceSchema !== 'object') throw new Error('round trip failed');
    const missing = await audian.devices.get('0'.repeat(32)).catch((e) => e);
    if (!(missing instanceof NotFoundError)) throw new Error(`expected NotFoundError, got ${missing}`);
    if (typeof createEvents !== 'function') throw new Error('@audian/events: no createEvents');
    const job = validateJob({ accounts: { ids: [sandbox.accountId] }, action: 'audit', resource: 'devices' });
    if (job.action !== 'audit') throw new Error('@audian/fleet: validateJob broken');
    console.log('CJS smoke ok');
  } finally {
    await sandbox.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
