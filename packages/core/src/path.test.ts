import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors/invalid-argument-error';
import { encodePathSegment, expandPath, path } from './path';

describe('encodePathSegment', () => {
  it('encodes E.164 numbers with + as %2B', () => {
    expect(encodePathSegment('+14155551234')).toBe('%2B14155551234');
  });

  it('encodes characters that would change the URL', () => {
    expect(encodePathSegment('a b?c#d%e&f')).toBe('a%20b%3Fc%23d%25e%26f');
  });

  it.each(['', '.', '..', 'a/b', '/', 'a\\b'])('rejects %j, which would escape its segment', (value) => {
    expect(() => encodePathSegment(value, 'user id')).toThrow(InvalidArgumentError);
    expect(() => encodePathSegment(value, 'user id')).toThrow(/user id/);
  });

  it('rejects non-string values', () => {
    expect(() => encodePathSegment(undefined as unknown as string)).toThrow(/must be a string/);
    expect(() => encodePathSegment(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});

describe('path template tag', () => {
  it('encodes each interpolation as one segment', () => {
    const id = 'abc';
    expect(path`accounts/${id}/phone_numbers/${'+14155551234'}/activate`).toBe('accounts/abc/phone_numbers/%2B14155551234/activate');
  });

  it('rejects traversal inside an interpolation', () => {
    expect(() => path`accounts/${'..'}/users`).toThrow(InvalidArgumentError);
  });
});

describe('expandPath', () => {
  it('fills placeholders, {ACCOUNT_ID} in any case', () => {
    expect(expandPath('accounts/{ACCOUNT_ID}/users/{user_id}', { account_id: 'a1', user_id: 'u1' })).toBe('accounts/a1/users/u1');
  });

  it('drops a leading slash and v2/', () => {
    expect(expandPath('/v2/accounts/{account_id}', { account_id: 'a' })).toBe('accounts/a');
  });

  it('names a placeholder that has no value', () => {
    expect(() => expandPath('accounts/{account_id}/users/{user_id}', { account_id: 'a' })).toThrow(/\{user_id\} has no value/);
  });

  it('rejects traversal, query strings and fragments in the template', () => {
    expect(() => expandPath('accounts/../system_configs')).toThrow(/".." segments/);
    expect(() => expandPath('accounts/a/users?x=1')).toThrow(/must not contain "\?"/);
    expect(() => expandPath('')).toThrow(/non-empty/);
  });

  it('a template used again with other values gives their path (templates are compiled once, values never kept)', () => {
    const template = 'accounts/{account_id}/users/{user_id}';
    expect(expandPath(template, { account_id: 'a1', user_id: 'u1' })).toBe('accounts/a1/users/u1');
    expect(expandPath(template, { account_id: 'a2', user_id: 'u 2' })).toBe('accounts/a2/users/u%202');
    expect(() => expandPath(template, { account_id: 'a3' })).toThrow(/\{user_id\} has no value/);
    // A bad template fails every time, not only the first.
    expect(() => expandPath('accounts/../x')).toThrow(/".." segments/);
    expect(() => expandPath('accounts/../x')).toThrow(/".." segments/);
  });

  it('takes what params lack from the fallback, params first', () => {
    expect(expandPath('accounts/{ACCOUNT_ID}/users/{id}', { id: 'u1' }, { account_id: 'fallback' })).toBe('accounts/fallback/users/u1');
    expect(expandPath('accounts/{account_id}', { account_id: 'given' }, { account_id: 'fallback' })).toBe('accounts/given');
  });
});
