import { InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { kazooCombinator, repeatedItem } from '../src/internal/kazoo-keywords';
import {
  CallflowsSchema,
  ConferencesSchema,
  formatCombinator,
  IpCreateSchema,
  IpListSchema,
  PortRequestsSchema,
  ResourcesSchema,
  validateBody,
} from '../src/schemas/index';
import { issuesOf } from './schema-issues';

// jesse_validator_draft4:check_unique_items/3 compares every pair with is_equal/2: objects by
// their keys and values (order aside), lists item by item, anything else with =:=.
describe('uniqueItems: jesse_validator_draft4:check_unique_items/3 with is_equal/2', () => {
  it.each<[unknown[], unknown]>([
    [['7401', '7401'], '7401'],
    [['a', 'b', 'a'], 'a'],
    [
      [
        { a: 1, b: [1, 2] },
        { b: [1, 2], a: 1 },
      ],
      { a: 1, b: [1, 2] },
    ],
    [
      [
        [1, 2],
        [1, 2],
      ],
      [1, 2],
    ],
    [[null, null], null],
  ])('%j repeats %j', (items, item) => {
    expect(repeatedItem(items)).toEqual({ item });
  });

  it.each<[unknown[]]>([
    [[]],
    [['7401', '7402']],
    [['1', 1]],
    [[{ a: 1 }, { a: 1, b: 2 }]],
    [
      [
        [1, 2],
        [2, 1],
      ],
    ],
    [[true, 'true']],
  ])('%j has no repeat', (items) => {
    expect(repeatedItem(items)).toBeUndefined();
  });

  it('callflows.numbers refuses a repeated number, naming the list', () => {
    expect(issuesOf(() => validateBody(CallflowsSchema, { numbers: ['7401', '7401'] }, 'full', 'callflow'))).toEqual([
      { path: 'numbers', code: 'uniqueItems', message: 'numbers must not repeat an item ("7401")' },
    ]);
    expect(() => validateBody(CallflowsSchema, { numbers: ['7401', '7402'] }, 'full', 'callflow')).not.toThrow();
  });

  it('a patch is checked too', () => {
    expect(issuesOf(() => validateBody(CallflowsSchema, { numbers: ['1', '2', '1'] }, 'patch', 'callflow'))).toEqual([
      { path: 'numbers', code: 'uniqueItems', message: 'numbers must not repeat an item ("1")' },
    ]);
  });

  it('a repeat is reported even when an item also fails its own schema, as jesse checks both', () => {
    const issues = issuesOf(() =>
      validateBody(ConferencesSchema, { name: 'c', conference_numbers: ['12', '12', 'x'] }, 'full', 'conference'),
    );
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['conference_numbers.2', 'pattern'],
      ['conference_numbers', 'uniqueItems'],
    ]);
  });

  it('nested lists (conferences member.numbers, resources gateways codecs) are generated too', () => {
    expect(issuesOf(() => validateBody(ConferencesSchema, { name: 'c', member: { numbers: ['1', '1'] } }, 'full', 'conference'))).toEqual([
      { path: 'member.numbers', code: 'uniqueItems', message: 'member.numbers must not repeat an item ("1")' },
    ]);
    const codecs = (list: string[]) => ResourcesSchema.safeParse({ name: 'r', gateways: [{ server: 'sip.example.com', codecs: list }] });
    expect(codecs(['PCMU', 'PCMA']).success).toBe(true);
    expect(codecs(['PCMU', 'PCMU']).error?.issues.map((issue) => issue.path)).toEqual([['gateways', 0, 'codecs']]);
  });
});

describe('oneOf/anyOf: every issue inside is marked with its combinator (check_one_of/3, check_any_of/3)', () => {
  const sendTo = (value: unknown) =>
    PortRequestsSchema.safeParse({ name: 'p', numbers: { '+12025550100': {} }, notifications: { email: { send_to: value } } });

  it('a value no branch takes by type: one invalid_union at the oneOf, below 0', () => {
    const result = sendTo(42);
    expect(result.error?.issues.map((issue) => [issue.code, issue.path, formatCombinator(issue)])).toEqual([
      ['invalid_union', ['notifications', 'email', 'send_to'], { keyword: 'oneOf', below: 0 }],
    ]);
  });

  it('a bad entry of the list branch: below 1', () => {
    const result = sendTo(['ok@example.com', 'bad']);
    expect(result.error?.issues.map((issue) => formatCombinator(issue))).toEqual([{ keyword: 'oneOf', below: 1 }]);
  });

  it('the SDK error still names what failed', () => {
    const issues = issuesOf(() =>
      validateBody(PortRequestsSchema, { name: 'p', numbers: { '+1': {} }, notifications: { email: { send_to: 42 } } }, 'full', 'port'),
    );
    expect(issues).toEqual([
      { path: 'notifications.email.send_to', code: 'type', message: 'notifications.email.send_to does not match any allowed form' },
    ]);
  });

  it('a oneOf value that two branches accept fails (check_one_of_/4 counts the valid branches)', () => {
    const overlap = z.union([z.string().check(z.regex(/^a/)), z.string().check(z.regex(/b$/))]).check(kazooCombinator('oneOf'));
    expect(z.safeParse(overlap, 'ax').success).toBe(true);
    const both = z.safeParse(overlap, 'ab');
    expect(both.error?.issues.map((issue) => [issue.code, formatCombinator(issue)])).toEqual([['custom', { keyword: 'oneOf', below: 0 }]]);
    const anyOf = z.union([z.string().check(z.regex(/^a/)), z.string().check(z.regex(/b$/))]).check(kazooCombinator('anyOf'));
    expect(z.safeParse(anyOf, 'ab').success).toBe(true);
  });

  it('the nested oneOf of resources invite_parameters.dynamic refuses a key both patterns match', () => {
    const dynamic = (entry: unknown) =>
      ResourcesSchema.safeParse({ name: 'r', gateways: [{ server: 'sip.example.com', invite_parameters: { dynamic: [entry] } }] }).success;
    expect(dynamic('custom_channel_vars.x')).toBe(true);
    expect(dynamic('custom_channel_vars.custom_sip_headers.x')).toBe(false);
  });
});

describe('dedicated IPs: jesse ipv4/ipv6 formats (kazooFormat), never stricter than KAZOO', () => {
  it.each(['10.0.0.1', '+1.2.3.4', '::1', 'fe80::1%eth0', '2001:db8::10.0.0.1'])('ips.create accepts %j', (ip) => {
    expect(() => validateBody(IpCreateSchema, { ip, zone: 'z', host: 'h' }, 'full', 'ip')).not.toThrow();
  });

  it.each(['010.0.0.1', '256.0.0.1', '1.2.3', 'nope', ':::'])('ips.create refuses %j', (ip) => {
    expect(() => validateBody(IpCreateSchema, { ip, zone: 'z', host: 'h' }, 'full', 'ip')).toThrow(InvalidArgumentError);
  });

  it('an address list is checked entry by entry', () => {
    expect(() => validateBody(IpListSchema, { ips: ['10.0.0.1', '::1'] }, 'full', 'ips')).not.toThrow();
    expect(() => validateBody(IpListSchema, { ips: ['10.0.0.1', 'x'] }, 'full', 'ips')).toThrow(InvalidArgumentError);
  });
});
