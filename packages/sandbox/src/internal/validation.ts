import { describeIssue, formatCombinator, type SchemaIssue } from '@audian/resources/schemas';
import type { ZodMiniType } from 'zod/mini';
import type { FieldErrors } from './crossbar-error';
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
    case 'enum': {
      const type = enumType(issue);
      if (type !== undefined && jsonType(value) !== type && !(type === 'number' && jsonType(value) === 'integer')) {
        return ['type', { message: `Value did not match type(s): ${type}`, target: type, value }];
      }
      return [code, { message: 'Value not found in enumerated list of values', target: issue.values ?? [], value }];
    }
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
    case 'wrong_format':
      // kz_json_schema:error_to_jobj/2, clause for jesse's `wrong_format`: the failed schema's `format`.
      return [code, { message: 'Field is not in the correct format', value, format: issue.format }];
    case 'pattern':
      return [code, { message: `Failed to match pattern '${schemaPattern(issue.pattern)}'`, target: schemaPattern(issue.pattern), value }];
    case 'additionalProperties':
      return [code, { message: 'Strict checking of data is enabled; only include schema-defined properties', value: issue.keys }];
    case 'uniqueItems':
      // kz_json_schema:error_to_jobj/2, clause for jesse's `{not_unique, Item}`: the whole list as `value`.
      return [code, { message: 'List of items is not unique', value }];
    case 'divisibleBy':
      return [code, { message: `Value not divisible by ${issue.divisor}`, target: issue.divisor, value }];
    default:
      return ['invalid', { message: 'Value is invalid', value }];
  }
}

/**
 * The pattern as the KAZOO schema spells it, which `kz_json_schema:error_to_jobj/2` answers as
 * `target`: zod reports the RegExp literal (`/^https?:\/\//u`), the schema holds its source
 * (`^https?://`).
 */
function schemaPattern(pattern: string | undefined): string {
  const literal = /^\/(.*)\/[a-z]*$/s.exec(pattern ?? '');
  return literal?.[1] === undefined ? (pattern ?? '') : literal[1].replaceAll('\\/', '/');
}

/** The JSON Schema type of a value, as jesse's `is_type_valid/2` tells them apart. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'bigint') return 'integer';
  return typeof value === 'object' ? 'object' : typeof value;
}

/**
 * The `type` next to an enum in its KAZOO schema: every enum but one lists a `type` matching its
 * values (`"enum": ["user", "admin"], "type": "string"`), and jesse checks that `type` after the
 * enum. The exception is the vCard address `types` items of `profile.json`, an enum without a
 * `type`, which a value of another type fails on `enum` alone.
 */
function enumType(issue: SchemaIssue): string | undefined {
  const values = issue.values ?? [];
  const tail = issue.path.slice(-4).map(String);
  if (tail[0] === 'addresses' && tail[2] === 'types' && /^\d+$/.test(tail[1] ?? '') && /^\d+$/.test(tail[3] ?? '')) return undefined;
  const types = new Set(values.map(jsonType));
  if (types.size !== 1) return undefined;
  const [type] = types;
  return type === 'null' || type === 'array' || type === 'object' ? undefined : type;
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
  pattern: (value) => typeof value === 'string',
  // `format`: jesse_validator_draft4:check_format/3 checks binaries only.
  wrong_format: (value) => typeof value === 'string',
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

/** The schema keyword behind a Crossbar error code (`wrong_format` comes from `format`, `not_one_schema_valid` from `oneOf`). */
function keywordOf(code: string): string {
  if (code === 'not_one_schema_valid') return 'oneOf';
  if (code === 'any_schemas_not_valid') return 'anyOf';
  return code === 'wrong_format' ? 'format' : code;
}

/** Keywords jesse checks, so that codes it does not produce (`invalid`) sort after them all. */
const JESSE_KEYWORDS: ReadonlySet<string> = new Set([
  'additionalProperties',
  'anyOf',
  'divisibleBy',
  'enum',
  'format',
  'maxItems',
  'maxLength',
  'maximum',
  'minItems',
  'minLength',
  'minimum',
  'oneOf',
  'pattern',
  'required',
  'type',
  'uniqueItems',
]);

/**
 * True when jesse reports `next` after `held` for one value. `jesse_validator_draft4:check_value/3`
 * walks a schema's keywords in the order the schema object lists them and
 * `jesse_error:default_error_handler/3` appends each error; every KAZOO schema lists its keywords
 * sorted, so the order is the keywords' (code point) order. The extra validator
 * (`kz_json_schema_extensions`) runs once the keywords are done, hence unknown codes come last.
 */
function reportedAfter(next: string, held: string): boolean {
  const nextKnown = JESSE_KEYWORDS.has(next);
  const heldKnown = JESSE_KEYWORDS.has(held);
  if (nextKnown !== heldKnown) return heldKnown;
  return next >= held;
}

/**
 * Turns zod issues into one Crossbar field map, one code per field. `cb_context:failed/2` folds
 * jesse's errors with `failed_error/2`, which builds `{"<dotted.path>": {<code>: …}}`
 * (`kz_json_schema:error_to_jobj/2`) and sets that one top-level key whole into the errors so far
 * (`kz_json:merge_jobjs/2`): of several errors for one field, the last jesse reports is answered.
 */
export function issuesToFieldErrors(issues: readonly SchemaIssue[], root: unknown, prefix: readonly PropertyKey[] = []): FieldErrors {
  const fields: FieldErrors = {};
  const keywords = new Map<string, string>();
  const report = (path: string, code: string, detail: Record<string, unknown>) => {
    const keyword = keywordOf(code);
    const held = keywords.get(path);
    if (held !== undefined && !reportedAfter(keyword, held)) return;
    keywords.set(path, keyword);
    fields[path] = { [code]: detail };
  };
  const mistyped = new Set(
    issues.filter((issue) => !formatCombinator(issue) && describeIssue(issue).code === 'type').map((issue) => joinPath(issue.path)),
  );
  for (const issue of issues) {
    const combinator = formatCombinator(issue);
    if (combinator) {
      // Any failure inside a oneOf/anyOf (no branch of the right type, a format, a length, a
      // missing key, or for a oneOf two branches valid): jesse drops the branches' errors and
      // reports the combinator once at its own value (jesse_validator_draft4:check_one_of/3,
      // check_any_of/3), which kz_json_schema:error_to_jobj/2 answers with its catch-all clause.
      const path = issue.path.slice(0, issue.path.length - combinator.below);
      const failed = combinator.keyword === 'oneOf' ? 'not_one_schema_valid' : 'any_schemas_not_valid';
      report(joinPath([...prefix, ...path]), failed, { message: 'failed to validate', value: getAt(root, path) });
      continue;
    }
    if (!keywordApplies(describeIssue(issue).code, issue, root, mistyped)) continue;
    const [code, detail] = toCrossbar(issue, root);
    if (code === 'additionalProperties' && issue.keys) {
      // jesse reports each unknown key at its own path (`jesse_validator_draft4:check_additional_properties/3`).
      const { value: _keys, ...message } = detail;
      for (const key of issue.keys) report(joinPath([...prefix, ...issue.path, key]), code, message);
      continue;
    }
    report(joinPath([...prefix, ...issue.path]), code, detail);
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
