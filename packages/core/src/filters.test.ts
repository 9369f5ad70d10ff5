import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors/invalid-argument-error';
import { toListQuery } from './filters';

describe('toListQuery', () => {
  it('compiles every filter kind to Crossbar parameters', () => {
    expect(
      toListQuery({
        filter: { first_name: 'John', enabled: true, 'caller_id.internal.number': 1001 },
        filterNot: { device_type: ['fax', 'landline'] },
        hasKey: 'call_forward.enabled',
        keyMissing: 'owner_id',
        hasValue: 'email',
        valueMissing: 'presence_id',
        ascending: true,
        pageSize: 25,
        startKey: 'g2wAAAAC',
      }),
    ).toEqual({
      filter_first_name: 'John',
      filter_enabled: 'true',
      'filter_caller_id.internal.number': '1001',
      filter_not_device_type: '["fax","landline"]',
      has_key: 'call_forward.enabled',
      key_missing: 'owner_id',
      has_value: 'email',
      value_missing: 'presence_id',
      ascending: 'true',
      page_size: '25',
      start_key: 'g2wAAAAC',
    });
  });

  it('turns an array into a JSON-array value (OR), not repeated parameters', () => {
    expect(toListQuery({ filter: { device_type: ['sip_device', 'softphone'] } })).toEqual({
      filter_device_type: '["sip_device","softphone"]',
    });
  });

  it('sends array members as strings, the only form Crossbar matches', () => {
    expect(toListQuery({ filter: { enabled: [true] }, filterNot: { priority: [1, 2.5] } })).toEqual({
      filter_enabled: '["true"]',
      filter_not_priority: '["1","2.5"]',
    });
    expect(() => toListQuery({ filter: { n: [Number.NaN] } })).toThrow(/finite numbers/);
  });

  it('an array filter of booleans and numbers matches the way crossbar_filter:should_filter/3 compares', () => {
    // KAZOO's rule: the document value read as text is equal to the filter value, or a member of
    // the filter value decoded as a JSON list (compared exactly, so only strings can match).
    const matches = (docValue: unknown, wire: string) => {
      const text = String(docValue);
      if (text === wire) return true;
      const list: unknown = JSON.parse(wire);
      return Array.isArray(list) && list.includes(text);
    };
    const doc = { enabled: true, priority: 2 };
    expect(matches(doc.enabled, toListQuery({ filter: { enabled: [true] } }).filter_enabled as string)).toBe(true);
    expect(matches(doc.priority, toListQuery({ filter: { priority: [1, 2] } }).filter_priority as string)).toBe(true);
    expect(matches(doc.enabled, toListQuery({ filter: { enabled: [false] } }).filter_enabled as string)).toBe(false);
  });

  it('converts Dates to Gregorian seconds', () => {
    expect(toListQuery({ createdFrom: new Date('2025-02-01T00:00:00Z'), createdTo: 63905673600 })).toEqual({
      created_from: '63905587200',
      created_to: '63905673600',
    });
    expect(toListQuery({ filter: { start: new Date('2025-02-01T00:00:00Z') } })).toEqual({ filter_start: '63905587200' });
  });

  it('asks for sparse fields as a JSON array', () => {
    expect(toListQuery({ fields: ['name', 'flow'] })).toEqual({ fields: '["name","flow"]' });
  });

  it.each([0, -1, 2.5, Number.NaN, '10' as unknown as number])('rejects page size %s before any request', (pageSize) => {
    expect(() => toListQuery({ pageSize })).toThrow(InvalidArgumentError);
    expect(() => toListQuery({ pageSize })).toThrow(/pageSize must be a positive integer/);
  });

  it.each(['verb', 'page_size', 'start_key', 'auth_token', 'paginate', 'accept_charges'])(
    'rejects the reserved name %s as a filter key',
    (key) => {
      const run = () => toListQuery({ filter: { [key]: 'x' } });
      expect(run).toThrow(InvalidArgumentError);
      expect(run).toThrow(new RegExp(`filter.${key}: "${key}" is a reserved Crossbar parameter name`));
      try {
        run();
      } catch (error) {
        expect((error as InvalidArgumentError).argument).toBe(`filter.${key}`);
      }
    },
  );

  it('rejects keys that would inject parameters, and empty path segments', () => {
    expect(() => toListQuery({ filter: { 'a&b': 1 } })).toThrow(/contains a space/);
    expect(() => toListQuery({ filter: { 'a=b': 1 } })).toThrow(InvalidArgumentError);
    expect(() => toListQuery({ filter: { 'a..b': 1 } })).toThrow(/empty dot-path segment/);
    expect(() => toListQuery({ filter: { '': 1 } })).toThrow(/non-empty/);
    expect(() => toListQuery({ hasKey: 'verb' })).toThrow(/reserved/);
  });

  it('catches Unix timestamps passed as Gregorian seconds', () => {
    expect(() => toListQuery({ createdFrom: 1738368000 })).toThrow(/looks like Unix seconds/);
    expect(() => toListQuery({ createdFrom: new Date('nope') })).toThrow(/invalid Date/);
  });

  it('rejects a from after its to', () => {
    expect(() => toListQuery({ createdFrom: new Date('2025-03-01Z'), createdTo: new Date('2025-02-01Z') })).toThrow(
      /createdFrom is after createdTo/,
    );
  });

  it('rejects filter values that have no string form', () => {
    expect(() => toListQuery({ filter: { a: {} as unknown as string } })).toThrow(/must be a string, number, boolean, Date or array/);
    expect(() => toListQuery({ filter: { a: [] } })).toThrow(/empty array/);
  });

  it('passes extra query parameters through, arrays as JSON', () => {
    expect(toListQuery({ query: { utc_offset: -18000, filter_any_tags: ['a'], skip: undefined } })).toEqual({
      utc_offset: '-18000',
      filter_any_tags: '["a"]',
    });
  });
});
