import type { StandardSchemaV1 } from '@audian/core';

/** A memoised async loader: the module behind it is fetched once, on first use. */
export type Lazy<T> = () => Promise<T>;

/** Memoises `load` (and forgets a failed load so it can be tried again). */
export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= load().catch((error: unknown) => {
      promise = undefined;
      throw error;
    });
    return promise;
  };
}

/**
 * A Standard Schema whose real schema is loaded on first use. Resource classes import their zod
 * schemas this way so that a bundle that only lists users does not carry every resource's schema.
 */
export function lazySchema(load: Lazy<StandardSchemaV1>): StandardSchemaV1 {
  let loaded: StandardSchemaV1 | undefined;
  return {
    '~standard': {
      version: 1,
      vendor: 'audian',
      // Once loaded, validation is synchronous: no extra turn of the event loop per response.
      validate: (value: unknown) =>
        loaded
          ? loaded['~standard'].validate(value)
          : load().then((schema) => {
              loaded = schema;
              return schema['~standard'].validate(value);
            }),
    },
  };
}
