import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OfficeSpecError, parseOfficeSpec } from '../src/index.js';
import { desiredState } from '../src/internal/office/desired-state.js';

// The office of apps/office-setup's example, kept here as this package's own fixture.
const example = readFileSync(new URL('./fixtures/acme-dental.yaml', import.meta.url), 'utf8');

function problems(text: string): OfficeSpecError['problems'] {
  try {
    parseOfficeSpec(text, 'office.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(OfficeSpecError);
    return (error as OfficeSpecError).problems;
  }
  throw new Error('expected the spec to be rejected');
}

describe('parseOfficeSpec', () => {
  it('accepts the example office and applies defaults', () => {
    const spec = parseOfficeSpec(example, 'acme-dental.yaml');
    expect(spec.users).toHaveLength(3);
    expect(spec.users[1]?.voicemail).toEqual({ email_notification: true });
    expect(spec.users[0]?.devices[1]?.type).toBe('softphone');
  });

  it('reports a wrong value at its line and column', () => {
    const text = example.replace('extension: "2002"', 'extension: "20x2"');
    const [problem] = problems(text);
    const line = text.split('\n').findIndex((l) => l.includes('"20x2"')) + 1;
    expect(problem).toEqual({ location: `office.yaml:${line}:16`, path: 'users[1].extension', message: 'must be 2 to 7 digits' });
  });

  it('takes unquoted numbers as the digit strings extensions, members and PINs are, leading zeros kept', () => {
    const text = example.replaceAll('extension: "2002"', 'extension: 2002').replace(/pin: "?(\d+)"?/, 'pin: 0042');
    expect(text).toContain('extension: 2002');
    const spec = parseOfficeSpec(text, 'office.yaml');
    expect(spec.users[1]?.extension).toBe('2002');
    const pins = spec.users.map((u) => (u.voicemail ? u.voicemail.pin : undefined));
    expect(pins).toContain('0042');
  });

  it('reports a missing field at its parent', () => {
    const text = example.replace('    last_name: Turing\n', '');
    const [problem] = problems(text);
    expect(problem?.path).toBe('users[1].last_name');
    expect(problem?.location).toMatch(/^office\.yaml:\d+:\d+$/);
  });

  it('catches references to extensions nobody has, and duplicates', () => {
    const text = example
      .replace('members: ["2001", "2002"]', 'members: ["2001", "2009"]')
      .replace('extension: "3000"', 'extension: "2001"');
    const found = problems(text).map((p) => `${p.path}: ${p.message}`);
    expect(found).toContain('ring_group.members[1]: no user has extension 2009');
    expect(found).toContain('menu.extension: extension 2001 is already used by Grace Hopper');
  });

  it('rejects unknown keys, bad times and non-E.164 numbers', () => {
    const text = example
      .replace('timezone: America/New_York', 'timezone: America/New_York\ncolour: blue')
      .replace('number: "+14155550150"', 'number: "4155550150"')
      .replace('close: "17:30"', 'close: "07:00"');
    const found = problems(text).map((p) => `${p.path}: ${p.message}`);
    expect(found.some((f) => f.includes('colour'))).toBe(true);
    expect(found).toContain('main_number.number: must be an E.164 number such as +14155550100');
    expect(found).toContain('main_number.business_hours.close: open must be before close');
  });

  it('reports YAML syntax errors with their position', () => {
    const [problem] = problems('office: Acme\nusers:\n  - first_name: [unclosed\n');
    expect(problem?.location).toMatch(/^office\.yaml:\d+:\d+$/);
  });
});

describe('desiredState', () => {
  it('names every document of the office once, with dependencies before dependents', () => {
    const desired = desiredState(parseOfficeSpec(example));
    const keys = desired.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('callflow:main');
    for (const d of desired) for (const dep of d.deps) expect(keys.indexOf(dep), `${d.key} needs ${dep}`).toBeLessThan(keys.indexOf(d.key));
  });

  it('builds the same documents from the same spec (what makes a second apply a no-op)', () => {
    const ids = new Map([['user:2001', 'u1']]);
    const a = desiredState(parseOfficeSpec(example)).map((d) => d.build(ids));
    const b = desiredState(parseOfficeSpec(example)).map((d) => d.build(ids));
    expect(a).toEqual(b);
  });
});
