import { safeCause } from '../internal/safe-cause';

/**
 * Every error class carries the names of its class chain under this registry symbol, so that
 * `instanceof` and the `isX` guards still work when two copies of `@audian/core` are installed
 * (a CLI plugin and an app, say) and the error crossed from one copy to the other.
 */
const CHAIN = Symbol.for('@audian/core.error-chain');

/** Constructor shape every Audian error class has: used to walk the class chain. */
interface ErrorClass {
  readonly errorName: string;
}

/**
 * Root of every error thrown by the Audian SDK.
 *
 * `instanceof AudianError` (and every subclass check) also recognises errors created by another
 * installed copy of the package.
 *
 * @example
 * ```ts
 * import { AudianError } from '@audian/core';
 *
 * try {
 *   await transport.request({ method: 'GET', path: 'accounts/{account_id}' });
 * } catch (error) {
 *   if (error instanceof AudianError) console.error(error.message);
 * }
 * ```
 */
export class AudianError extends Error {
  /** Stable class name; survives minification, unlike `constructor.name`. */
  static readonly errorName: string = 'AudianError';

  constructor(message: string, options?: { cause?: unknown }) {
    // Whatever the cause, the error keeps only a sanitized copy of it (see safeCause).
    super(message, options?.cause === undefined ? undefined : { cause: safeCause(options.cause) });
    const chain: string[] = [];
    let current: unknown = new.target;
    while (typeof current === 'function' && (current as unknown as ErrorClass).errorName) {
      const name = (current as unknown as ErrorClass).errorName;
      if (chain[chain.length - 1] !== name) chain.push(name);
      if (current === AudianError) break;
      current = Object.getPrototypeOf(current);
    }
    Object.defineProperty(this, CHAIN, { value: Object.freeze(chain), enumerable: false });
    Object.defineProperty(this, 'name', {
      value: (new.target as unknown as ErrorClass).errorName,
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const chain = errorChain(value);
    return chain?.includes((this as unknown as ErrorClass).errorName) ?? false;
  }
}

/** The class-name chain an Audian error carries, or `undefined` for anything else. */
export function errorChain(value: unknown): readonly string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const chain = (value as Record<symbol, unknown>)[CHAIN];
  return Array.isArray(chain) ? (chain as string[]) : undefined;
}

/**
 * Tells whether `value` is an error thrown by the Audian SDK (from any installed copy).
 *
 * @example
 * ```ts
 * import { isAudianError } from '@audian/core';
 *
 * if (isAudianError(error)) console.error(error.name, error.message);
 * ```
 */
export function isAudianError(value: unknown): value is AudianError {
  return errorChain(value) !== undefined;
}
