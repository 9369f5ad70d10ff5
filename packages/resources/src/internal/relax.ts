import * as z from 'zod/mini';

type Def = {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  valueType?: z.ZodMiniType;
  getter?: () => z.ZodMiniType;
};

const cache = new WeakMap<object, z.ZodMiniType>();

/**
 * The response form of a document schema: the same field types, but every field optional, no
 * length/range/pattern checks, enums widened to strings and no defaults. The server validated the
 * document when it was written; the client checks only that what it reads has the types its
 * TypeScript types promise, so a value KAZOO added after this SDK was built never breaks a read.
 */
export function relax(schema: z.ZodMiniType): z.ZodMiniType {
  const cached = cache.get(schema);
  if (cached) return cached;
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  let out: z.ZodMiniType;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
      out = relax(def.innerType as z.ZodMiniType);
      break;
    case 'nullable':
      out = z.nullable(relax(def.innerType as z.ZodMiniType));
      break;
    case 'lazy': {
      const getter = def.getter as () => z.ZodMiniType;
      out = z.lazy(() => relax(getter()));
      break;
    }
    case 'object': {
      const shape: Record<string, z.ZodMiniType> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) shape[key] = z.optional(relax(field));
      out = z.looseObject(shape);
      break;
    }
    case 'array':
      out = z.array(relax(def.element as z.ZodMiniType));
      break;
    case 'record':
      out = z.record(z.string(), relax(def.valueType as z.ZodMiniType));
      break;
    case 'union':
      out = z.union((def.options ?? []).map(relax) as [z.ZodMiniType, ...z.ZodMiniType[]]);
      break;
    case 'string':
    case 'enum':
      out = z.string();
      break;
    case 'number':
      out = z.number();
      break;
    case 'boolean':
      out = z.boolean();
      break;
    default:
      out = z.unknown();
  }
  cache.set(schema, out);
  return out;
}

/** A list of `item`: the schema of a listing page. */
export function listOf(item: z.ZodMiniType): z.ZodMiniType {
  return z.array(item);
}
