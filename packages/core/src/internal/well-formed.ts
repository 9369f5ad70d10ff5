const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string is valid Unicode text. A lone UTF-16 surrogate has no UTF-8 form: URL
 * encoders silently turn it into U+FFFD, which would filter or send something else than asked.
 */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}
