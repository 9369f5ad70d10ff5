import { type Doc, isDoc } from './fields';
import { resourceSchema } from './resource-schemas';

/** The part of a zod (mini) schema this module reads: its definition. */
interface SchemaLike {
  readonly _zod?: { readonly def?: SchemaDef };
}

interface SchemaDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, SchemaLike>>;
  readonly catchall?: SchemaLike;
  readonly innerType?: SchemaLike;
  readonly element?: SchemaLike;
  readonly valueType?: SchemaLike;
  readonly options?: readonly SchemaLike[];
  readonly in?: SchemaLike;
  readonly getter?: () => SchemaLike;
  readonly values?: readonly unknown[];
  readonly entries?: Readonly<Record<string, unknown>>;
}

type Scalar = 'string' | 'number' | 'boolean';

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The definition under optional/nullable/default/pipe/lazy wrappers. */
function unwrap(schema: SchemaLike | undefined, depth = 0): SchemaDef | undefined {
  const def = schema?._zod?.def;
  if (!def || depth > 20) return def;
  if (WRAPPERS.has(def.type)) return unwrap(def.innerType, depth + 1);
  if (def.type === 'pipe') return unwrap(def.in, depth + 1);
  if (def.type === 'lazy' && def.getter) return unwrap(def.getter(), depth + 1);
  return def;
}

/** The scalar types a schema accepts (empty: none, or it cannot tell). */
function scalars(schema: SchemaLike | undefined, depth = 0): Set<Scalar> {
  const def = unwrap(schema);
  const out = new Set<Scalar>();
  if (!def || depth > 10) return out;
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
      out.add(def.type);
      break;
    case 'int':
      out.add('number');
      break;
    case 'literal':
    case 'enum':
      for (const v of def.values ?? Object.values(def.entries ?? {}))
        if (['string', 'number', 'boolean'].includes(typeof v)) out.add(typeof v as Scalar);
      break;
    case 'union':
      for (const option of def.options ?? []) for (const t of scalars(option, depth + 1)) out.add(t);
      break;
  }
  return out;
}

/** The schema of `key` inside an object, record or array schema (the first union member that has one). */
function child(schema: SchemaLike | undefined, key: string | number): SchemaLike | undefined {
  const def = unwrap(schema);
  if (!def) return undefined;
  switch (def.type) {
    case 'object':
      return typeof key === 'string' ? (def.shape?.[key] ?? def.catchall) : undefined;
    case 'record':
      return def.valueType;
    case 'array':
      return typeof key === 'number' ? def.element : undefined;
    case 'union':
      for (const option of def.options ?? []) {
        const found = child(option, key);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

function coerceScalar(value: unknown, want: Set<Scalar>): unknown {
  if (want.size === 0 || want.has(typeof value as Scalar)) return value;
  if (want.has('string') && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  if (typeof value === 'string') {
    if (want.has('number') && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
    if (want.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  }
  return value;
}

/**
 * A copy of `value` with each scalar turned into the type its schema wants, where that is
 * unambiguous: a number or boolean where only text is allowed becomes its text
 * (`caller_id.internal.number=1010` → `"1010"`), a numeric string where a number is wanted
 * becomes the number, `"true"`/`"false"` a boolean. Anything else is left for validation to
 * report. Fields the schema does not know are left as they are.
 */
export function coerceToSchema(schema: unknown, value: unknown): unknown {
  return walk(schema as SchemaLike | undefined, value);
}

function walk(schema: SchemaLike | undefined, value: unknown): unknown {
  if (!schema) return value;
  if (Array.isArray(value)) return value.map((item, i) => walk(child(schema, i), item));
  if (isDoc(value)) {
    const out: Doc = {};
    for (const [key, item] of Object.entries(value)) out[key] = walk(child(schema, key), item);
    return out;
  }
  return coerceScalar(value, scalars(schema));
}

/** {@link coerceToSchema} with the schema of resource `name` (the value unchanged when it has none). */
export async function coerceForResource(name: string, value: unknown): Promise<unknown> {
  const schema = await resourceSchema(name);
  return schema ? coerceToSchema(schema, value) : value;
}
