import { describe, expect, it } from 'vitest';
import { CallflowsAudioMacroSchema, DevicesComboKeySchema, DevicesSchema, formatCombinator } from '../src/schemas/index';

// jesse_validator_draft4:check_value/3 walks every keyword of a node: a `type`/`properties` and a
// `oneOf`/`anyOf` beside it (and a `$ref` beside `properties`) each check the value.
describe('a oneOf/anyOf beside type or properties is checked too (jesse_validator_draft4:check_value/3)', () => {
  const sipHeaders = (value: unknown) => DevicesSchema.safeParse({ name: 'Desk', sip: { custom_sip_headers: value } });

  it('devices sip.custom_sip_headers {"out": {"X-A": 1}} fails the anyOf (check_any_of/3), marked at custom_sip_headers', () => {
    // Neither a flat header list (a value is not a string) nor in/out lists (out.X-A is not a string).
    const result = sipHeaders({ out: { 'X-A': 1 } });
    expect(result.success).toBe(false);
    const marked = result.error?.issues.map((issue) => {
      const combinator = formatCombinator(issue);
      return [issue.path.slice(0, issue.path.length - (combinator?.below ?? 0)), combinator?.keyword];
    });
    expect(new Set(marked?.map((entry) => JSON.stringify(entry)))).toEqual(
      new Set([JSON.stringify([['sip', 'custom_sip_headers'], 'anyOf'])]),
    );
  });

  it.each<[string, unknown]>([
    ['a flat header list', { 'X-Account': 'acme' }],
    ['in/out lists', { in: { 'X-In': 'a' }, out: { 'X-Out': 'b' } }],
    ['a key the header pattern refuses, which the in/out branch still accepts', { 'X Bad': 1 }],
  ])('devices sip.custom_sip_headers as %s passes', (_what, value) => {
    expect(sipHeaders(value).success).toBe(true);
  });

  it('a devices.combo_key is exactly one of parking or line/presence/personal_parking/speed_dial (check_one_of/3)', () => {
    expect(DevicesComboKeySchema.safeParse({ type: 'parking', value: 3 }).success).toBe(true);
    expect(DevicesComboKeySchema.safeParse({ type: 'line', value: { label: 'Front', value: '1001' } }).success).toBe(true);
    const unknownType = DevicesComboKeySchema.safeParse({ type: 'voicemail' });
    expect(unknownType.error?.issues.map((issue) => formatCombinator(issue)?.keyword)).toContain('oneOf');
    // A parking key's value is 1..10: 11 fails the parking branch and the other's type enum.
    expect(DevicesComboKeySchema.safeParse({ type: 'parking', value: 11 }).success).toBe(false);
  });

  it('audio_macro items: the macro picks exactly one branch, as the $ref and its properties both apply', () => {
    const macros = (items: unknown[]) => CallflowsAudioMacroSchema.safeParse({ macros: items });
    expect(
      macros([
        { macro: 'play', id: 'media-1' },
        { macro: 'tts', text: 'Hello' },
      ]).success,
    ).toBe(true);
    // The tts branch requires text (callflows.tts), so a tts macro without it matches no branch.
    const noText = macros([{ macro: 'tts' }]);
    expect(noText.error?.issues.map((issue) => formatCombinator(issue)?.keyword)).toContain('oneOf');
  });
});
