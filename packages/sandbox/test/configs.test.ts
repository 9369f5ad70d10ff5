import { describe, expect, it } from 'vitest';
import { data, useHarness } from './helpers';

const h = useHarness();

describe('configs (cb_configs)', () => {
  it('answers the merged configuration with id configs_<CONFIG_ID>, empty before anything is set', async () => {
    expect(data(await h.call('GET', `${h.acct}/configs/conferences`))).toEqual({ id: 'configs_conferences' });
  });

  it('stores on PUT/POST what differs from the reseller’s values, so a sub-account inherits and overrides them', async () => {
    expect(data(await h.call('PUT', `${h.acct}/configs/conferences`, { data: { pin_timeout: 5000, number_timeout: 5000 } }))).toEqual({
      id: 'configs_conferences',
      pin_timeout: 5000,
      number_timeout: 5000,
    });
    const child = data(await h.call('PUT', h.acct, { data: { name: 'Branch office' } }));
    const sub = `/v2/accounts/${child.id}/configs/conferences`;
    expect(data(await h.call('GET', sub))).toEqual({ id: 'configs_conferences', pin_timeout: 5000, number_timeout: 5000 });
    expect(data(await h.call('POST', sub, { data: { pin_timeout: 3000, number_timeout: 5000 } }))).toEqual({
      id: 'configs_conferences',
      pin_timeout: 3000,
      number_timeout: 5000,
    });
    // Only the difference is the sub-account's: a reseller change of number_timeout still shows through.
    await h.call('POST', `${h.acct}/configs/conferences`, { data: { pin_timeout: 5000, number_timeout: 7000 } });
    expect(data(await h.call('GET', sub))).toMatchObject({ pin_timeout: 3000, number_timeout: 7000 });
    // A write equal to the inherited values removes the sub-account's own document; DELETE resets too.
    await h.call('POST', sub, { data: { pin_timeout: 5000 } });
    expect(data(await h.call('GET', sub))).toMatchObject({ pin_timeout: 5000 });
    await h.call('PATCH', sub, { data: { pin_timeout: 1000 } });
    expect(data(await h.call('GET', sub))).toMatchObject({ pin_timeout: 1000 });
    expect(data(await h.call('DELETE', sub))).toEqual({ id: 'configs_conferences', pin_timeout: 5000, number_timeout: 7000 });
  });

  it('has no listing: GET on configs without an id is not routed', async () => {
    expect((await h.call('GET', `${h.acct}/configs`)).status).toBe(404);
  });
});
