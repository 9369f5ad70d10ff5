import type { StandardSchemaV1 } from '@audian/core';
import type * as z from 'zod/mini';

type Def = {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  valueType?: z.ZodMiniType;
  getter?: () => z.ZodMiniType;
};

type Issue = StandardSchemaV1.Issue;

/**
 * One compiled check: `ok` answers fast, with nothing allocated, on every response; `report`
 * walks the value again, only after `ok` said no, to name each failing path.
 */
interface Check {
  readonly ok: (value: unknown) => boolean;
  readonly report: (value: unknown, path: PropertyKey[], issues: Issue[]) => void;
  /** What the check accepts, for messages: `string`, `object`, `string or null`. */
  readonly expected: string;
}

const compiled = new WeakMap<object, Check>();

/**
 * The response check of a document schema: the same field types, but every field optional, no
 * length/range/pattern checks, enums widened to strings, unknown keys allowed and no defaults. The
 * server validated the document when it was written; the client checks only that what it reads has
 * the types its TypeScript types promise, so a value KAZOO added after this SDK was built never
 * breaks a read. It validates without copying: callers get the data as the server sent it.
 */
export function relax(schema: z.ZodMiniType): StandardSchemaV1 {
  const check = compile(schema);
  return {
    '~standard': {
      version: 1,
      vendor: 'audian',
      validate: (value: unknown) => {
        if (check.ok(value)) return { value };
        const issues: Issue[] = [];
        check.report(value, [], issues);
        return { issues };
      },
    },
  };
}

function compile(schema: z.ZodMiniType): Check {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  let out: Check;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
      out = compile(def.innerType as z.ZodMiniType);
      break;
    case 'nullable':
      out = nullable(compile(def.innerType as z.ZodMiniType));
      break;
    case 'lazy':
      out = deferred(def.getter as () => z.ZodMiniType);
      break;
    case 'object':
      out = object(def.shape ?? {});
      break;
    case 'array':
      out = array(compile(def.element as z.ZodMiniType));
      break;
    case 'record':
      out = record(compile(def.valueType as z.ZodMiniType));
      break;
    case 'union':
      out = union((def.options ?? []).map(compile));
      break;
    case 'string':
    case 'enum':
      out = primitive('string');
      break;
    case 'number':
      out = primitive('number');
      break;
    case 'boolean':
      out = primitive('boolean');
      break;
    default:
      out = ANY;
  }
  compiled.set(schema, out);
  return out;
}

const ANY: Check = { ok: () => true, report: () => {}, expected: 'anything' };

function primitive(type: 'string' | 'number' | 'boolean'): Check {
  const ok = (value: unknown) => typeof value === type;
  return { ok, report: mismatch(ok, type), expected: type };
}

function nullable(inner: Check): Check {
  const ok = (value: unknown) => value === null || inner.ok(value);
  return {
    ok,
    report: (value, path, issues) => {
      if (value !== null) inner.report(value, path, issues);
    },
    expected: `${inner.expected} or null`,
  };
}

function deferred(getter: () => z.ZodMiniType): Check {
  let inner: Check | undefined;
  const resolve = () => {
    inner ??= compile(getter());
    return inner;
  };
  return {
    ok: (value) => resolve().ok(value),
    report: (value, path, issues) => resolve().report(value, path, issues),
    get expected() {
      return resolve().expected;
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(shape: Record<string, z.ZodMiniType>): Check {
  // Keyed without a prototype, so a document key such as `constructor` finds no check.
  const fields: Record<string, Check> = Object.create(null);
  for (const key of Object.keys(shape)) fields[key] = compile(shape[key] as z.ZodMiniType);
  // A document usually holds fewer keys than its schema knows: walk the document's keys.
  const ok = (value: unknown) => {
    if (!isRecord(value)) return false;
    for (const key in value) {
      const field = fields[key];
      const v = value[key];
      if (field !== undefined && v !== undefined && !field.ok(v)) return false;
    }
    return true;
  };
  return {
    ok,
    report: (value, path, issues) => {
      if (!isRecord(value)) return void issues.push(issue(path, 'object', value));
      for (const key in value) {
        const field = fields[key];
        const v = value[key];
        if (field !== undefined && v !== undefined && !field.ok(v)) field.report(v, [...path, key], issues);
      }
    },
    expected: 'object',
  };
}

function array(element: Check): Check {
  const ok = (value: unknown) => {
    if (!Array.isArray(value)) return false;
    for (const item of value) if (!element.ok(item)) return false;
    return true;
  };
  return {
    ok,
    report: (value, path, issues) => {
      if (!Array.isArray(value)) return void issues.push(issue(path, 'array', value));
      value.forEach((item, i) => {
        if (!element.ok(item)) element.report(item, [...path, i], issues);
      });
    },
    expected: 'array',
  };
}

function record(valueCheck: Check): Check {
  const ok = (value: unknown) => {
    if (!isRecord(value)) return false;
    for (const key in value) if (!valueCheck.ok(value[key])) return false;
    return true;
  };
  return {
    ok,
    report: (value, path, issues) => {
      if (!isRecord(value)) return void issues.push(issue(path, 'object', value));
      for (const key in value) if (!valueCheck.ok(value[key])) valueCheck.report(value[key], [...path, key], issues);
    },
    expected: 'object',
  };
}

function union(options: Check[]): Check {
  const ok = (value: unknown) => options.some((option) => option.ok(value));
  const check: Check = {
    ok,
    report: (value, path, issues) => void issues.push(issue(path, check.expected, value)),
    get expected() {
      return options.map((option) => option.expected).join(' or ');
    },
  };
  return check;
}

function mismatch(ok: (value: unknown) => boolean, expected: string): Check['report'] {
  return (value, path, issues) => {
    if (!ok(value)) issues.push(issue(path, expected, value));
  };
}

function issue(path: PropertyKey[], expected: string, value: unknown): Issue {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return { message: `expected ${expected}, got ${got}`, path };
}
