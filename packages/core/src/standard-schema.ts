/**
 * The Standard Schema v1 interface (https://standardschema.dev), implemented by zod 4 (classic and
 * mini), valibot and arktype. Core validates responses through it, so it depends on no
 * particular schema library.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

/** Types of the Standard Schema v1 interface. */
export declare namespace StandardSchemaV1 {
  /** The `~standard` property. */
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  }
  /** A validation result. */
  type Result<Output> = SuccessResult<Output> | FailureResult;
  /** Success: the (possibly transformed) value. */
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  /** Failure: the issues found. */
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  /** One issue. */
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  /** A path segment object. */
  interface PathSegment {
    readonly key: PropertyKey;
  }
  /** The output type of a schema. */
  type InferOutput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['output'];
  /** The input type of a schema. */
  type InferInput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['input'];
}

/**
 * Joins a Standard Schema issue path into a dot path (`caller_id.internal.number`, `numbers.0`).
 *
 * @example
 * ```ts
 * import { issuePath } from '@audian/core';
 *
 * issuePath([{ key: 'caller_id' }, 'internal']); // 'caller_id.internal'
 * ```
 */
export function issuePath(path: StandardSchemaV1.Issue['path']): string {
  if (!path) return '';
  return path.map((segment) => String(typeof segment === 'object' && segment !== null ? segment.key : segment)).join('.');
}
