import { describeIssue, type SchemaIssue } from '@audian/resources/schemas';
import type { ZodMiniType } from 'zod/mini';
import { type FieldErrors, mergeFieldErrors } from './crossbar-error';
import { isObject, type JsonObject } from './json';

/** The result of validating a document: the document with schema defaults applied, or Crossbar's field map. */
export type Validation = { readonly ok: true; readonly value: JsonObject } | { readonly ok: false; readonly errors: FieldErrors };

/** Crossbar escapes literal dots inside one key as `%2E` when it joins a path. */
function joinPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p).replaceAll('.', '%2E')).join('.');
}

function num(value: number | bigint | undefined): number {
  return Number(value ?? 0);
}

/** Translates one zod issue into Crossbar's `{ code: { message, target?, value?, cause? } }`. */
function toCrossbar(issue: SchemaIssue, root: unknown): [string, Record<string, unknown>] {
  const code = describeIssue(issue).code;
  const value = issue.input;
  switch (code) {
    case 'required':
      // Crossbar reports the object that lacked the key as `value`.
      return [code, { message: 'Field is required but missing', value: getParent(root, issue.path) ?? {} }];
    case 'type': {
      const target = issue.code === 'invalid_union' ? 'union' : (issue.expected ?? 'valid');
      return [code, { message: `Value did not match type(s): ${target}`, target, value }];
    }
    case 'enum':
      return [code, { message: 'Value not found in enumerated list of values', target: issue.values ?? [], value }];
    case 'minLength':
      return [
        code,
        { message: `String must be at least ${num(issue.minimum)} characters`, target: num(issue.minimum), cause: value, value },
      ];
    case 'maxLength':
      return [
        code,
        { message: `String must not be more than ${num(issue.maximum)} characters`, target: num(issue.maximum), cause: value, value },
      ];
    case 'minimum':
      return [code, { message: `Value must be at least ${num(issue.minimum)}`, target: num(issue.minimum), value }];
    case 'maximum':
      return [code, { message: `Value must be at most ${num(issue.maximum)}`, target: num(issue.maximum), value }];
    case 'minItems':
      return [code, { message: `The list must have at least ${num(issue.minimum)} items`, target: num(issue.minimum), value }];
    case 'maxItems':
      return [code, { message: `The list is more than ${num(issue.maximum)} items`, target: num(issue.maximum), value }];
    case 'pattern':
      if (issue.format && issue.format !== 'regex') {
        return ['wrong_format', { message: 'Field is not in the correct format', value, format: issue.format }];
      }
      return [code, { message: `Failed to match pattern '${issue.pattern ?? ''}'`, target: issue.pattern, value }];
    case 'additionalProperties':
      return [code, { message: 'Strict checking of data is enabled; only include schema-defined properties', value: issue.keys }];
    case 'divisibleBy':
      return [code, { message: `Value not divisible by ${issue.divisor}`, target: issue.divisor, value }];
    default:
      return ['invalid', { message: 'Value is invalid', value }];
  }
}

function getParent(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const part of path.slice(0, -1)) {
    if (isObject(current)) current = current[String(part)];
    else if (Array.isArray(current)) current = current[Number(part)];
    else return undefined;
  }
  return current;
}

function getAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const part of path) {
    if (isObject(current)) current = current[String(part)];
    else if (Array.isArray(current)) current = current[Number(part)];
    else return undefined;
  }
  return current;
}

/** The JSON type each keyword constrains; the keywords missing here (`type`, `enum`, `required`) apply to every value. */
const KEYWORD_TYPES: Readonly<Record<string, (value: unknown) => boolean>> = {
  minLength: (value) => typeof value === 'string',
  maxLength: (value) => typeof value === 'string',
  // `pattern` and `format` (reported as `wrong_format`) alike.
  pattern: (value) => typeof value === 'string',
  minItems: Array.isArray,
  maxItems: Array.isArray,
  uniqueItems: Array.isArray,
  minimum: (value) => typeof value === 'number' || typeof value === 'bigint',
  maximum: (value) => typeof value === 'number' || typeof value === 'bigint',
  divisibleBy: (value) => typeof value === 'number' || typeof value === 'bigint',
  additionalProperties: isObject,
  minProperties: isObject,
  maxProperties: isObject,
};

/**
 * True when the keyword behind `code` constrains the value the issue is about. zod runs a schema's
 * checks even on a value that failed its type (`z.string().check(z.minLength(1))` given `[]`
 * reports a too-small array, given `''` where a list is expected a too-short string), while
 * jesse's `jesse_validator_draft4:check_value/3` applies each keyword to its own JSON types only
 * (`minLength`/`pattern` to binaries, `minItems` to lists, `minimum` to numbers, `required` to
 * objects). The generated schemas give every keyword to its own type, so a value that failed the
 * `type` at its path fails on `type` alone (and `enum`, which applies to every value).
 */
function keywordApplies(code: string, issue: SchemaIssue, root: unknown, mistyped: ReadonlySet<string>): boolean {
  const applies = KEYWORD_TYPES[code];
  if (!applies) return true;
  if (mistyped.has(joinPath(issue.path))) return false;
  return applies('input' in issue ? issue.input : getAt(root, issue.path));
}

/** Turns zod issues into one Crossbar field map (several codes per field merged). */
export function issuesToFieldErrors(issues: readonly SchemaIssue[], root: unknown, prefix: readonly PropertyKey[] = []): FieldErrors {
  const fields: FieldErrors = {};
  const mistyped = new Set(issues.filter((issue) => describeIssue(issue).code === 'type').map((issue) => joinPath(issue.path)));
  for (const issue of issues) {
    if (!keywordApplies(describeIssue(issue).code, issue, root, mistyped)) continue;
    const [code, detail] = toCrossbar(issue, root);
    if (code === 'additionalProperties' && issue.keys) {
      // jesse reports each unknown key at its own path (`jesse_validator_draft4:check_additional_properties/3`).
      const { value: _keys, ...message } = detail;
      for (const key of issue.keys) mergeFieldErrors(fields, { [joinPath([...prefix, ...issue.path, key])]: { [code]: message } });
      continue;
    }
    mergeFieldErrors(fields, { [joinPath([...prefix, ...issue.path])]: { [code]: detail } });
  }
  return fields;
}

/**
 * Validates a document against a resource schema and applies the schema defaults (zod's parse
 * output), the way Crossbar validates a request with the KAZOO JSON schema before saving it.
 */
export function validateDocument(schema: ZodMiniType, doc: JsonObject): Validation {
  const result = schema.safeParse(doc, { reportInput: true });
  if (result.success) return { ok: true, value: result.data as JsonObject };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues as unknown as SchemaIssue[], doc) };
}

/** Validates a value found at `path` inside a document (callflow module data), reporting full paths. */
export function validateAt(schema: ZodMiniType, value: unknown, path: readonly PropertyKey[]): { value: unknown; errors: FieldErrors } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { value: result.data, errors: {} };
  return { value, errors: issuesToFieldErrors(result.error.issues as unknown as SchemaIssue[], value, path) };
}
