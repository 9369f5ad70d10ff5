import { describe, expect, it } from 'vitest';
import {
  CustomSipHeadersSchema,
  DevicesSchema,
  FormattersSchema,
  MetaflowsSchema,
  ResourcesSchema,
  validateBody,
} from '../src/schemas/index';
import { issuesOf } from './schema-issues';

// jesse_validator_draft4:check_pattern_properties/3 checks a value only when its key matches the
// pattern (check_match/3); a key no pattern matches is left to additionalProperties
// (get_additional_properties/3, check_additional_properties/3).
describe('patternProperties: jesse_validator_draft4:check_pattern_properties/3', () => {
  const device = (comboKeys: unknown) => ({ name: 'Desk', provision: { combo_keys: comboKeys } });

  it('a provision.combo_keys key outside ^[0-9]+$ is kept unchecked, as additionalProperties is absent', () => {
    expect(() => validateBody(DevicesSchema, device({ a: { anything: true, type: 42 } }), 'full', 'device')).not.toThrow();
    const parsed = DevicesSchema.safeParse(device({ a: { type: 42 } }));
    expect(parsed.success).toBe(true);
    expect((parsed.data as { provision: { combo_keys: unknown } }).provision.combo_keys).toEqual({ a: { type: 42 } });
  });

  it('a matching key holding a bad combo key is refused at its dotted path (the oneOf at its value)', () => {
    const issues = issuesOf(() => validateBody(DevicesSchema, device({ '1': { type: 42 } }), 'full', 'device'));
    expect(issues.map((issue) => issue.path)).toEqual(['provision.combo_keys.1']);
  });

  it('a matching key is checked field by field and its defaults apply (resources.classifiers, pattern .+)', () => {
    const issues = issuesOf(() =>
      validateBody(
        ResourcesSchema,
        { name: 'Carrier', gateways: [], classifiers: { tollfree_us: { weight_cost: 'high' } } },
        'full',
        'resource',
      ),
    );
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([['classifiers.tollfree_us.weight_cost', 'type']]);
    const parsed = ResourcesSchema.safeParse({ name: 'Carrier', gateways: [], classifiers: { tollfree_us: {} } });
    expect((parsed.data as { classifiers: Record<string, unknown> }).classifiers.tollfree_us).toMatchObject({ weight_cost: 50 });
  });

  it('a key pattern is PCRE in the key (re:run/3 is unanchored): formatters, whose POSIX class is spelled out', () => {
    // ^[[:alnum:]_]+$: "from-user" matches no pattern (kept unchecked), "from_user" does.
    expect(FormattersSchema.safeParse({ 'from-user': 42 }).success).toBe(true);
    expect(FormattersSchema.safeParse({ from_user: 42 }).success).toBe(false);
  });

  it('with additionalProperties false, a key no pattern matches is refused as additionalProperties (metaflows.numbers)', () => {
    const issues = issuesOf(() =>
      validateBody(MetaflowsSchema, { numbers: { '2': { module: 'hold' }, star: { module: 'hold' } } }, 'full', 'metaflows'),
    );
    expect(issues).toEqual([expect.objectContaining({ path: 'numbers', code: 'additionalProperties' })]);
    expect(issues[0]?.message).toContain('star');
    expect(MetaflowsSchema.safeParse({ numbers: { '2': { module: 'hold' } } }).success).toBe(true);
  });

  it('custom_sip_headers (additionalProperties false) refuses a header name outside its pattern and checks the rest', () => {
    expect(CustomSipHeadersSchema.safeParse({ 'X-Account': 'acme' }).success).toBe(true);
    const refused = CustomSipHeadersSchema.safeParse({ 'X Bad': 'acme' });
    expect(refused.error?.issues.map((issue) => issue.code)).toEqual(['unrecognized_keys']);
    expect(CustomSipHeadersSchema.safeParse({ 'X-Account': 1 }).error?.issues[0]?.path).toEqual(['X-Account']);
  });
});

// A PATCH body is checked key by key (null removes one); a pattern map's entries follow the same
// jesse rules as a whole document's.
describe("patternProperties in a PATCH body (validateBody's 'patch' mode)", () => {
  it('a key outside the pattern is kept unchecked; a matching key with a bad value is refused at its path', () => {
    expect(() => validateBody(DevicesSchema, { provision: { combo_keys: { a: { type: 42 } } } }, 'patch', 'device')).not.toThrow();
    const issues = issuesOf(() => validateBody(DevicesSchema, { provision: { combo_keys: { '2': { type: 42 } } } }, 'patch', 'device'));
    expect(issues.map((issue) => issue.path)).toEqual(['provision.combo_keys.2']);
  });

  it('a map whose schema forbids other keys refuses them in a PATCH too (additionalProperties false)', () => {
    const issues = issuesOf(() => validateBody(MetaflowsSchema, { numbers: { star: { module: 'hangup' } } }, 'patch', 'metaflows'));
    expect(issues).toEqual([expect.objectContaining({ path: 'numbers', code: 'additionalProperties' })]);
    expect(() => validateBody(MetaflowsSchema, { numbers: { star: null } }, 'patch', 'metaflows')).not.toThrow();
  });
});
