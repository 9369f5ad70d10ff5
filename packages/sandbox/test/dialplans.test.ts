import { describe, expect, it } from 'vitest';
import { useHarness } from './helpers';

const h = useHarness();

describe('dialplans (cb_dialplans)', () => {
  it('answers the system dial plans keyed by name, regex added, or by regex when unnamed (maybe_add_name/2)', async () => {
    const r = await h.call('GET', `${h.acct}/dialplans`);
    expect(r.status).toBe(200);
    const plans = r.body.data as Record<string, Record<string, unknown>>;
    expect(plans['US 10-digit']).toEqual({ name: 'US 10-digit', prefix: '+1', regex: '^(\\d{10})$' });
    expect(plans['^(\\d{7})$']).toEqual({ name: '^(\\d{7})$', prefix: '+1415' });
    expect(plans['UK national']).toMatchObject({ regex: '^0(\\d{9,10})$' });
  });

  it('is read only (GET alone)', async () => {
    for (const verb of ['PUT', 'POST', 'DELETE']) expect((await h.call(verb, `${h.acct}/dialplans`, { data: {} })).status).toBe(405);
  });
});
