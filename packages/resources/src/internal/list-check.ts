import type { StandardSchemaV1 } from '@audian/core';

/**
 * The structural check of a listing page: an array of objects, each with a string `id` when
 * `idKey` is not null (or empty). Hand-written rather than zod so that listing never loads a schema library
 * (a browser app that only lists stays small, and 100,000-item iterations stay cheap).
 */
export function listCheck(idKey: string | null = 'id'): StandardSchemaV1 {
  return {
    '~standard': {
      version: 1,
      vendor: 'audian',
      validate(value: unknown) {
        if (!Array.isArray(value)) return { issues: [{ message: `expected a list, got ${value === null ? 'null' : typeof value}` }] };
        const issues: StandardSchemaV1.Issue[] = [];
        for (let i = 0; i < value.length && issues.length < 5; i++) {
          const item: unknown = value[i];
          if (typeof item !== 'object' || item === null || Array.isArray(item)) issues.push({ message: 'expected an object', path: [i] });
          else if (idKey && typeof (item as Record<string, unknown>)[idKey] !== 'string')
            issues.push({ message: `expected a string ${idKey}`, path: [i, idKey] });
        }
        return issues.length ? { issues } : { value };
      },
    },
  };
}
