import { UsageError } from './cli-error';

/** A JSON-like object. */
export type Doc = Record<string, unknown>;

/** Whether `value` is a plain object (not null, not an array). */
export function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses `--fields a,b.c` into dot paths.
 *
 * @throws UsageError for an empty field or segment
 */
export function parseFields(spec: string | undefined): string[] | undefined {
  if (spec === undefined) return undefined;
  const fields = spec.split(',').map((f) => f.trim());
  for (const field of fields) {
    if (field === '' || field.split('.').some((s) => s === ''))
      throw new UsageError(`--fields: ${JSON.stringify(spec)} has an empty field name`);
  }
  return fields;
}

/** The value at a dot path, or undefined. */
export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of path.split('.')) {
    if (!isDoc(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/**
 * Sets the value at a dot path, creating objects on the way (a non-object in the way is
 * replaced). Keys `__proto__`, `constructor` and `prototype` are refused.
 *
 * @throws UsageError for such a key or an empty segment
 */
export function setPath(target: Doc, path: string, value: unknown): void {
  const segments = path.split('.');
  if (segments.some((s) => s === '')) throw new UsageError(`${JSON.stringify(path)} has an empty key segment`);
  if (segments.some((s) => s === '__proto__' || s === 'constructor' || s === 'prototype')) {
    throw new UsageError(`${JSON.stringify(path)}: that key name is not allowed`);
  }
  let current = target;
  for (const segment of segments.slice(0, -1)) {
    const next = current[segment];
    if (!isDoc(next)) current[segment] = {};
    current = current[segment] as Doc;
  }
  current[segments[segments.length - 1] as string] = value;
}

/** A copy of `value` holding only `fields` (nested as in the original). */
export function project(value: unknown, fields: readonly string[] | undefined): unknown {
  if (!fields || !isDoc(value)) return value;
  const out: Doc = {};
  for (const field of fields) {
    const v = getPath(value, field);
    if (v !== undefined) setPath(out, field, v);
  }
  return out;
}

/**
 * Flattens nested objects into dot-path keys (`caller_id.internal.number`); arrays stay values.
 * The same convention import reads in CSV headers, so an exported CSV imports back.
 */
export function flatten(value: unknown, prefix = '', out: Doc = {}): Doc {
  if (!isDoc(value)) {
    if (prefix) out[prefix] = value;
    return out;
  }
  const keys = Object.keys(value);
  if (keys.length === 0 && prefix) out[prefix] = value;
  for (const key of keys) flatten(value[key], prefix ? `${prefix}.${key}` : key, out);
  return out;
}
