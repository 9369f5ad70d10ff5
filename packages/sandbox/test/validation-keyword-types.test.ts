import { describe, expect, it } from 'vitest';
import { useHarness } from './helpers';

const h = useHarness();

const typeError = (target: string, value: unknown) => ({
  type: { message: `Value did not match type(s): ${target}`, target, value },
});

// jesse_validator_draft4:check_value/3 (jesse 1.5-rc13, KAZOO's kz_json_schema:validate/3) applies
// minLength, maxLength and pattern to binaries only, minItems and maxItems to lists, minimum and
// maximum to numbers, required and properties to objects: a value of the wrong JSON type fails on
// `type` alone, and cb_context:failed_error/2 reports just that.
describe('schema keywords constrain their own JSON types only (jesse_validator_draft4:check_value/3)', () => {
  it('a user with arrays and a number where strings are expected gets the type errors alone', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, {
      data: { first_name: [], last_name: ['Rivera'], username: [], email: 42, hotdesk: { pin: 1234 } },
    });
    expect(r.status, r.text).toBe(400);
    expect(r.body.message).toBe('validation error');
    expect(r.body.data).toEqual({
      first_name: typeError('string', []),
      last_name: typeError('string', ['Rivera']),
      username: typeError('string', []),
      email: typeError('string', 42),
      'hotdesk.pin': typeError('string', 1234),
    });
  });

  it('a string where a list with minItems is expected gets the type error alone (temporal_rules_sets.temporal_rules)', async () => {
    const r = await h.call('PUT', `${h.acct}/temporal_rules_sets`, { data: { name: 'Weekdays', temporal_rules: '' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ temporal_rules: typeError('array', '') });
  });

  it('an array where an object is expected gets the type error alone, not a required error for its keys', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, {
      data: { first_name: 'Ada', last_name: 'Rivera', caller_id_options: [], hotdesk: ['pin'] },
    });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({
      caller_id_options: typeError('object', []),
      hotdesk: typeError('object', ['pin']),
    });
  });

  it('keywords still apply to values of their own type next to a type error elsewhere', async () => {
    const r = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: '', mailbox: 3001, pin: '12' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toMatchObject({
      name: { minLength: { target: 1, value: '' } },
      mailbox: typeError('string', 3001),
      pin: { minLength: { target: 4, value: '12' } },
    });
    expect(Object.keys((r.body.data as Record<string, object>).mailbox ?? {})).toEqual(['type']);
  });

  it('a value of the right type still answers every keyword it breaks', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Ada', last_name: 'Rivera', username: 'a b' } });
    expect(r.status, r.text).toBe(400);
    expect(Object.keys(r.body.data as object)).toEqual(['username']);
    expect((r.body.data as Record<string, object>).username).toHaveProperty('pattern');
  });
});
