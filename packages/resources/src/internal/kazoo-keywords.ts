import * as z from 'zod/mini';

/**
 * jesse's `is_equal/2` (`jesse_validator_draft4`, tag 1.5-rc13, the one KAZOO pins): objects are
 * equal when they hold the same keys with equal values (key order aside), lists when they hold
 * equal items in the same order, anything else by Erlang's `=:=`. JSON numbers reach this code
 * already parsed, so `1` and `1.0` (an integer and a float to jsx, never `=:=`) cannot be told
 * apart here and compare equal.
 */
function jesseEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jesseEqual(item, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jesseEqual(a[k], b[k]));
  }
  return a === b;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The first item of `items` that an earlier item equals under jesse's rules, as
 * `jesse_validator_draft4:check_unique_items/3` finds it (it reports the item, not its index).
 *
 * @example
 * ```ts
 * import { repeatedItem } from './kazoo-keywords.js'; // internal: the generated schemas use it
 *
 * repeatedItem(['7401', '7402', '7401']); // { item: '7401' }
 * repeatedItem([{ a: 1, b: 2 }, { b: 2, a: 1 }]); // { item: { a: 1, b: 2 } }: key order aside
 * repeatedItem(['1', 1]); // undefined
 * ```
 */
export function repeatedItem(items: readonly unknown[]): { readonly item: unknown } | undefined {
  for (const [i, item] of items.entries()) {
    for (const later of items.slice(i + 1)) if (jesseEqual(item, later)) return { item };
  }
  return undefined;
}

/**
 * A zod check for `"uniqueItems": true`, as the generated schemas use it. A list holding two
 * equal items (jesse's equality, see {@link repeatedItem}) adds a `custom` issue at the list with
 * `params: { keyword: 'uniqueItems', item }`, which `describeIssue` answers as KAZOO's
 * `uniqueItems`. It runs even when an item failed its own schema, as jesse checks both.
 *
 * @throws never; a list with a repeat adds an issue to the parse result
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * import { kazooUniqueItems } from './kazoo-keywords.js'; // internal: the generated schemas use it
 *
 * z.safeParse(z.array(z.string()).check(kazooUniqueItems()), ['7401', '7401']).success; // false
 * ```
 */
export function kazooUniqueItems<T = unknown>(): z.core.$ZodCheck<T> {
  return z.check<T>(
    (payload) => {
      if (!Array.isArray(payload.value)) return;
      const repeat = repeatedItem(payload.value);
      if (!repeat) return;
      payload.issues.push({
        code: 'custom',
        message: 'List of items is not unique',
        input: payload.value,
        path: [],
        params: { keyword: 'uniqueItems', item: repeat.item },
        continue: true,
      });
    },
    { when: (payload) => Array.isArray(payload.value) },
  ) as z.core.$ZodCheck<T>;
}

/**
 * Where a failed check sits inside a `oneOf`/`anyOf` of its schema: the combinator and how many
 * path segments below the combinator's value the issue is (0: the value itself, 1: an item or a
 * key of it). jesse answers a failed combinator as one error at its value and drops the errors of
 * its branches (`jesse_validator_draft4:check_one_of/3`, `check_any_of/3`).
 *
 * @example
 * ```ts
 * import { formatCombinator, type IssueCombinator } from '@audian/resources/schemas';
 *
 * const where: IssueCombinator | undefined = formatCombinator({ combinator: { keyword: 'oneOf', below: 0 } });
 * ```
 */
export interface IssueCombinator {
  readonly keyword: 'oneOf' | 'anyOf';
  readonly below: number;
}

/**
 * A zod check for a `oneOf`/`anyOf`, attached to the union of its branches (or to its only
 * branch). Every issue raised inside (no branch's type, a format, a length, a missing key, …) is
 * marked with `combinator` ({@link IssueCombinator}): the outermost combinator marks last, so it
 * wins, as jesse reports the outermost. A `oneOf` value two branches accept fails too
 * (`check_one_of_/4` counts the valid branches), with a `custom` issue carrying
 * `params: { keyword: 'oneOf' }`.
 *
 * @throws never; a failure adds or marks issues in the parse result
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * import { kazooCombinator } from './kazoo-keywords.js'; // internal: the generated schemas use it
 *
 * const sendTo = z.union([z.string(), z.array(z.string())]).check(kazooCombinator('oneOf'));
 * z.safeParse(sendTo, 42).error?.issues[0]; // { code: 'invalid_union', combinator: { keyword: 'oneOf', below: 0 }, … }
 * ```
 */
export function kazooCombinator<T = unknown>(keyword: IssueCombinator['keyword']): z.core.$ZodCheck<T> {
  let branches: readonly z.core.$ZodType[] = [];
  const check = z.check<T>(
    (payload) => {
      if (keyword === 'oneOf' && payload.issues.length === 0 && branches.length > 1) {
        const valid = branches.filter((branch) => z.safeParse(branch, payload.value).success).length;
        if (valid > 1) {
          payload.issues.push({
            code: 'custom',
            message: 'Value matches more than one schema of the oneOf',
            input: payload.value,
            path: [],
            params: { keyword: 'oneOf' },
          });
        }
      }
      for (const issue of payload.issues) {
        (issue as { combinator?: IssueCombinator }).combinator = { keyword, below: issue.path?.length ?? 0 };
      }
    },
    { when: () => true },
  ) as z.core.$ZodCheck<T>;
  check._zod.onattach.push((schema) => {
    const def = schema._zod.def as { type: string; options?: readonly z.core.$ZodType[] };
    branches = def.type === 'union' && def.options ? def.options : [schema];
  });
  return check;
}

/**
 * A zod check for `"additionalProperties": false` beside `patternProperties`, as the generated
 * schemas use it on a loose record: every key no pattern matches is refused with one
 * `unrecognized_keys` issue listing them, which `describeIssue` answers as KAZOO's
 * `additionalProperties` (`jesse_validator_draft4:check_additional_properties/3` with
 * `get_additional_properties/3`, an unanchored `re:run` per pattern).
 *
 * @throws never; unknown keys add an issue to the parse result
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 * import { kazooNoExtraKeys } from './kazoo-keywords.js'; // internal: the generated schemas use it
 *
 * const numbers = z.looseRecord(z.string().check(z.regex(/^[0-9]+$/u)), z.string()).check(kazooNoExtraKeys([/^[0-9]+$/u]));
 * z.safeParse(numbers, { '2': 'x', a: 'y' }).error?.issues[0]; // { code: 'unrecognized_keys', keys: ['a'], … }
 * ```
 */
export function kazooNoExtraKeys<T = unknown>(patterns: readonly RegExp[]): z.core.$ZodCheck<T> {
  return z.check<T>(
    (payload) => {
      if (!isJsonObject(payload.value)) return;
      const extra = Object.keys(payload.value).filter((name) => !patterns.some((pattern) => matches(pattern, name)));
      if (extra.length === 0) return;
      payload.issues.push({
        code: 'unrecognized_keys',
        message: `Unrecognized keys: ${extra.join(', ')}`,
        keys: extra,
        input: payload.value,
        path: [],
        continue: true,
      });
    },
    { when: (payload) => isJsonObject(payload.value) },
  ) as z.core.$ZodCheck<T>;
}

function matches(pattern: RegExp, name: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(name);
}
