import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTransport, encodePathSegment, expandPath, InvalidArgumentError, toListQuery } from '../src/index';

// Property tests: whatever a caller passes, a value can never change the path's shape or add a
// query parameter; it is either encoded faithfully or rejected with InvalidArgumentError.

// Any UTF-16 text, lone surrogates included.
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
);

describe('path encoding', () => {
  it('a segment value decodes back to itself and never contains / ? # or a raw space', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        let encoded: string;
        try {
          encoded = encodePathSegment(value);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
          expect(
            value === '' || value === '.' || value === '..' || value.includes('/') || value.includes('\\') || /[\uD800-\uDFFF]/.test(value),
          ).toBe(true);
          return;
        }
        expect(encoded).not.toMatch(/[/?#\s\\]/);
        expect(decodeURIComponent(encoded)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('filled templates keep exactly their segments, whatever the values', () => {
    const base = 'https://api.example/v2/';
    fc.assert(
      fc.property(anyString, anyString, (account, id) => {
        let path: string;
        try {
          path = expandPath('accounts/{account_id}/users/{user_id}/devices', { account_id: account, user_id: id });
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
          return;
        }
        const url = new URL(base + path);
        const segments = url.pathname.split('/').slice(1);
        expect(segments).toHaveLength(6);
        expect(segments.map(decodeURIComponent)).toEqual(['v2', 'accounts', account, 'users', id, 'devices']);
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('filter and query encoding', () => {
  const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}(\.[a-z][a-z0-9_]{0,8}){0,2}$/);
  const value = fc.oneof(
    anyString,
    fc.integer(),
    fc.boolean(),
    fc.array(fc.oneof(anyString, fc.integer()), { minLength: 1, maxLength: 3 }),
  );

  it('every filter becomes exactly one parameter carrying exactly its value', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 4 }), fc.dictionary(key, value, { maxKeys: 3 }), (filter, filterNot) => {
        let query: Record<string, string>;
        try {
          query = toListQuery({ filter, filterNot });
        } catch (error) {
          // Only reserved names and text that is not valid Unicode are refused here.
          expect(error).toBeInstanceOf(InvalidArgumentError);
          expect((error as InvalidArgumentError).message).toMatch(/reserved Crossbar parameter|not valid Unicode/);
          return;
        }
        const search = new URLSearchParams(query);
        const expected = Object.keys(filter).length + Object.keys(filterNot).length;
        expect([...search.keys()]).toHaveLength(expected);
        for (const [k, v] of Object.entries(filter))
          expect(search.get(`filter_${k}`)).toBe(Array.isArray(v) ? JSON.stringify(v.map(String)) : String(v));
        for (const [k, v] of Object.entries(filterNot))
          expect(search.get(`filter_not_${k}`)).toBe(Array.isArray(v) ? JSON.stringify(v.map(String)) : String(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('filter keys that could smuggle a parameter are refused', () => {
    fc.assert(
      fc.property(anyString, anyString, (prefix, suffix) => {
        for (const evil of ['&', '=', '?', '#', ' ']) {
          expect(() => toListQuery({ filter: { [`${prefix}${evil}${suffix}`]: 'x' } })).toThrow(InvalidArgumentError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('raw query values reach the server as sent, and add no parameter', () => {
    const transport = createTransport({ baseUrl: 'https://api.example/v2/', accountId: 'a1' });
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), anyString, { maxKeys: 5 }), (query) => {
        let url: URL;
        try {
          url = new URL(transport.url({ path: 'accounts/{account_id}/cdrs', query }));
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
          expect(Object.values(query).some((v) => /[\uD800-\uDFFF]/.test(v))).toBe(true);
          return;
        }
        expect(Object.fromEntries(url.searchParams)).toEqual(query);
        expect(url.pathname).toBe('/v2/accounts/a1/cdrs');
      }),
      { numRuns: 1000 },
    );
  });
});
