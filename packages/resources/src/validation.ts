import { type ArgumentIssue, InvalidArgumentError } from '@audian/core';
import * as z from 'zod/mini';

/** A zod issue as reported with its input (`reportInput`): what {@link describeIssue} reads. */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly input?: unknown;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly pattern?: string;
  readonly format?: string;
  readonly divisor?: number;
  readonly keys?: readonly string[];
  /** A custom check's details: `keyword` names the KAZOO schema keyword it stands for. */
  readonly params?: { readonly keyword?: string; readonly item?: unknown };
}

/**
 * Translates one zod issue into Crossbar's vocabulary: the rule name Crossbar would report
 * (`required`, `type`, `enum`, `minLength`, `maximum`, `pattern`, `wrong_format`, …) and a short message.
 *
 * @example
 * ```ts
 * import { describeIssue } from '@audian/resources/schemas';
 *
 * describeIssue({ code: 'invalid_type', expected: 'string', path: ['last_name'] });
 * // { path: 'last_name', code: 'required', message: 'last_name is required' }
 * ```
 */
export function describeIssue(issue: SchemaIssue): ArgumentIssue {
  const path = issue.path.map(String).join('.');
  const name = path || 'the document';
  const missing = !('input' in issue) || issue.input === undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return { path, code: 'required', message: `${name} is required` };
      return { path, code: 'type', message: `${name} must be ${article(issue.expected)}, got ${kind(issue.input)}` };
    case 'invalid_value':
      if (missing) return { path, code: 'required', message: `${name} is required` };
      return { path, code: 'enum', message: `${name} must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'too_small':
      return bound(issue, path, name, 'min');
    case 'too_big':
      return bound(issue, path, name, 'max');
    case 'invalid_format':
      // A format check (kazooFormat) reports its format without a pattern; KAZOO answers it as
      // `wrong_format` (kz_json_schema:error_to_jobj/2).
      if (issue.pattern === undefined && issue.format !== undefined && issue.format !== 'regex') {
        return { path, code: 'wrong_format', message: `${name} is not a valid ${issue.format}` };
      }
      return { path, code: 'pattern', message: `${name} must match ${issue.pattern ?? issue.format}` };
    case 'invalid_union':
      return { path, code: 'type', message: `${name} does not match any allowed form` };
    case 'unrecognized_keys':
      return { path, code: 'additionalProperties', message: `${name} has unknown keys ${(issue.keys ?? []).join(', ')}` };
    case 'custom':
      // The keyword checks of the generated schemas (internal/kazoo-keywords.ts).
      if (issue.params?.keyword === 'uniqueItems') {
        return {
          path,
          code: 'uniqueItems',
          message: `${name} must not repeat an item (${String(JSON.stringify(issue.params.item)).slice(0, 60)})`,
        };
      }
      if (issue.params?.keyword === 'oneOf') {
        return { path, code: 'oneOf', message: `${name} matches more than one allowed form` };
      }
      return { path, code: 'invalid', message: `${name} is invalid` };
    case 'not_multiple_of':
      return { path, code: 'divisibleBy', message: `${name} must be a multiple of ${issue.divisor}` };
    default:
      return { path, code: 'invalid', message: `${name} is invalid` };
  }
}

function bound(issue: SchemaIssue, path: string, name: string, side: 'min' | 'max'): ArgumentIssue {
  const limit = Number(side === 'min' ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    return {
      path,
      code: side === 'min' ? 'minLength' : 'maxLength',
      message: `${name} must be ${side === 'min' ? 'at least' : 'at most'} ${limit} characters`,
    };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return {
      path,
      code: side === 'min' ? 'minItems' : 'maxItems',
      message: `${name} must have ${side === 'min' ? 'at least' : 'at most'} ${limit} items`,
    };
  }
  return {
    path,
    code: side === 'min' ? 'minimum' : 'maximum',
    message: `${name} must be ${side === 'min' ? 'at least' : 'at most'} ${limit}`,
  };
}

function article(type: string | undefined): string {
  if (!type) return 'valid';
  if (type === 'int') return 'an integer';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return `a number (${value})`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}

/**
 * Checks a request body against a resource schema before anything is sent.
 * `full` (create, update) checks the whole document, required fields included; `patch` checks
 * only the fields present (at any depth), and `null` — which deletes a key — is always allowed.
 *
 * @throws InvalidArgumentError naming every offending field
 *
 * @example
 * ```ts
 * import { validateBody, UserSchema } from '@audian/resources/schemas';
 *
 * validateBody(UserSchema, { first_name: 'Ann' }, 'full', 'user'); // throws: last_name is required
 * ```
 */
export function validateBody(schema: z.ZodMiniType, value: unknown, mode: 'full' | 'patch', what: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(
      'data',
      `${what} must be an object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  const issues: ArgumentIssue[] = mode === 'full' ? fullIssues(schema, value) : patchIssues(schema, value as Record<string, unknown>, []);
  if (issues.length) {
    const shown = issues.slice(0, 8).map((i) => i.message);
    const more = issues.length > 8 ? ` (+${issues.length - 8} more)` : '';
    throw new InvalidArgumentError(
      issues.length === 1 ? `data.${issues[0]?.path}` : 'data',
      `invalid ${what}: ${shown.join('; ')}${more}`,
      issues,
    );
  }
}

function fullIssues(schema: z.ZodMiniType, value: unknown): ArgumentIssue[] {
  const result = z.safeParse(schema, value, { reportInput: true });
  return result.success ? [] : (result.error.issues as unknown as SchemaIssue[]).map(describeIssue);
}

function patchIssues(schema: z.ZodMiniType, value: Record<string, unknown>, path: PropertyKey[]): ArgumentIssue[] {
  const shape = objectShape(schema);
  if (!shape) return fullIssues(schema, value).map((i) => prefix(i, path));
  const issues: ArgumentIssue[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (child === null || child === undefined) continue; // null deletes the key: always allowed
    const field = shape[key];
    if (!field) continue; // unknown keys are custom fields
    const inner = unwrap(field);
    const map = recordOf(inner);
    if (map && typeof child === 'object' && !Array.isArray(child)) {
      // A map (endpoints by id, numbers by number): each entry is merged, and null removes one.
      const present = Object.entries(child as Record<string, unknown>).filter(([, entry]) => entry !== null && entry !== undefined);
      // Keys the map's pattern does not match are `additionalProperties`' business: the map's own
      // check reports them where the schema forbids them (jesse's check_additional_properties/3).
      const extra = fullIssues(inner, Object.fromEntries(present)).filter((i) => i.code === 'additionalProperties' && !i.path);
      issues.push(...extra.map((i) => prefix(i, [...path, key])));
      for (const [entryKey, entry] of present) {
        // jesse checks a value only under a key its pattern matches (check_pattern_properties/3).
        if (!z.safeParse(map.key, entryKey).success) continue;
        const entrySchema = unwrap(map.value);
        if (typeof entry === 'object' && !Array.isArray(entry) && objectShape(entrySchema)) {
          issues.push(...patchIssues(entrySchema, entry as Record<string, unknown>, [...path, key, entryKey]));
        } else {
          issues.push(...fullIssues(entrySchema, entry).map((i) => prefix(i, [...path, key, entryKey])));
        }
      }
    } else if (typeof child === 'object' && !Array.isArray(child) && objectShape(inner)) {
      issues.push(...patchIssues(inner, child as Record<string, unknown>, [...path, key]));
    } else {
      issues.push(...fullIssues(inner, child).map((i) => prefix(i, [...path, key])));
    }
  }
  return issues;
}

function prefix(issue: ArgumentIssue, path: readonly PropertyKey[]): ArgumentIssue {
  if (path.length === 0) return issue;
  const full = [...path.map(String), ...(issue.path ? [issue.path] : [])].join('.');
  return { ...issue, path: full, message: issue.message.replace(/^(the document|\S+)/, full) };
}

type Internals = {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, z.ZodMiniType>;
      innerType?: z.ZodMiniType;
      getter?: () => z.ZodMiniType;
      keyType?: z.ZodMiniType;
      valueType?: z.ZodMiniType;
    };
  };
};

/** Strips optional/default/prefault/nullable/lazy wrappers. */
function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema as unknown as Internals;
  for (let i = 0; i < 10; i++) {
    const def = current._zod.def;
    if (def.innerType) current = def.innerType as unknown as Internals;
    else if (def.type === 'lazy' && def.getter) current = def.getter() as unknown as Internals;
    else break;
  }
  return current as unknown as z.ZodMiniType;
}

function recordOf(schema: z.ZodMiniType): { key: z.ZodMiniType; value: z.ZodMiniType } | undefined {
  const def = (unwrap(schema) as unknown as Internals)._zod.def;
  return def.type === 'record' && def.keyType && def.valueType ? { key: def.keyType, value: def.valueType } : undefined;
}

function objectShape(schema: z.ZodMiniType): Record<string, z.ZodMiniType> | undefined {
  const def = (unwrap(schema) as unknown as Internals)._zod.def;
  return def.type === 'object' ? def.shape : undefined;
}
