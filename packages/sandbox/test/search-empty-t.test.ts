import { describe, expect, it } from 'vitest';
import { useHarness } from './helpers';

const h = useHarness({ demoData: true });

// `t=` reaches cb_search:validate/1 as `<<>>`, not `undefined`: validate_search/2 takes it as a
// type, and the search keys [<<>>, Value] match nothing (`_design/search` skips `!doc.pvt_type`).
describe('an empty t= (cb_search:validate_search/2,3,4, validate_multi/2)', () => {
  it('answers an account search with 200 and no rows (cb_search:search/5)', async () => {
    const r = await h.call('GET', `${h.acct}/search?t=&q=name&v=a`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toEqual([]);
    // The same search with a type finds rows, so the empty answer is the type's doing.
    const users = await h.call('GET', `${h.acct}/search?t=user&q=name&v=true`);
    expect((users.body.data as unknown[]).length).toBeGreaterThan(0);
  });

  it('still checks q and v as for any type (cb_search:validate_query/3)', async () => {
    const noView = await h.call('GET', `${h.acct}/search?t=`);
    expect(noView.status).toBe(400);
    expect(noView.body.data).toHaveProperty('q.required');
    expect(noView.body.data).not.toHaveProperty('t');
    const badView = await h.call('GET', `${h.acct}/search?t=&q=realm&v=a`);
    expect(badView.status).toBe(400);
    expect(badView.body.data).toMatchObject({ q: { enum: { cause: 'realm' } } });
  });

  it('answers a multi search with each view empty (cb_search:multi_search/4)', async () => {
    const r = await h.call('GET', `${h.acct}/search/multi?t=&by_name=a&by_number=1`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toEqual({ name: [], number: [] });
  });

  // Without an account there is no database for a type other than `account`:
  // cb_search:available_query_options/1 crashes, as for any other type.
  it('answers 500 generic_error without data on /v2/search and /v2/search/multi (cb_search:available_query_options/1)', async () => {
    for (const path of ['/v2/search?t=&q=name&v=a', '/v2/search?t=', '/v2/search/multi?t=&by_name=a']) {
      const r = await h.call('GET', path);
      expect(r.status, `${path} ${r.text}`).toBe(500);
      expect(r.body).toMatchObject({ status: 'error', error: '500', message: 'generic_error' });
      expect(r.body).not.toHaveProperty('data');
    }
  });
});
