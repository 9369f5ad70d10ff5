/**
 * One failed rule of a Crossbar validation error: Crossbar answers 400 with `data` shaped
 * `{ "<dot.path>": { "<code>": { message, cause?, value?, target? } } }`, several fields and
 * several codes per field merged into one object. This is one `(path, code)` pair of that map.
 */
export interface FieldError {
  /** Dot-joined path of the field (`caller_id.internal.number`); `""` for the document itself. */
  readonly path: string;
  /** The rule that failed: `required`, `type`, `enum`, `unique`, `minLength`, `date_range`, … */
  readonly code: string;
  /** Human text from the server. */
  readonly message: string;
  /** What caused it (the duplicate value for `unique`, the limit for `maxLength`, …). */
  readonly cause?: unknown;
  /** The offending value (for `required`: the parent object after defaults were applied). */
  readonly value?: unknown;
  /** The schema's expectation (`type` / `enum` / length rules). */
  readonly target?: unknown;
}

/**
 * Reads Crossbar's validation field map into a flat list. Anything that is not a field map
 * (a `{message, cause}` system error, a list of ids) gives an empty list.
 *
 * @example
 * ```ts
 * import { parseFieldErrors } from '@audian/core';
 *
 * parseFieldErrors({ last_name: { required: { message: 'Field is required but missing' } } });
 * // → [{ path: 'last_name', code: 'required', message: 'Field is required but missing' }]
 * ```
 */
export function parseFieldErrors(data: unknown): FieldError[] {
  if (!isPlainObject(data)) return [];
  const errors: FieldError[] = [];
  for (const [path, rules] of Object.entries(data)) {
    if (!isPlainObject(rules)) continue;
    for (const [code, detail] of Object.entries(rules)) {
      if (isPlainObject(detail)) {
        const error: { -readonly [K in keyof FieldError]: FieldError[K] } = {
          path,
          code,
          message: typeof detail.message === 'string' ? detail.message : code,
        };
        if ('cause' in detail) error.cause = detail.cause;
        if ('value' in detail) error.value = detail.value;
        if ('target' in detail) error.target = detail.target;
        errors.push(error);
      } else if (typeof detail === 'string') {
        // Some modules (phone numbers) put the message directly under the code.
        errors.push({ path, code, message: detail });
      }
    }
  }
  return errors;
}

/** Formats field errors as `path: message; path: message` for one-line messages. */
export function formatFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.path || '(document)'}: ${e.message}${e.code !== 'required' ? ` [${e.code}]` : ''}`).join('; ');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
