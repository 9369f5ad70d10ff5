import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where KAZOO's documented request/response bodies live: `<repo>/../shared/kazoo-examples`. */
export const EXAMPLES_DIR = process.env.AUDIAN_SHARED_DIR
  ? join(resolve(process.env.AUDIAN_SHARED_DIR), 'kazoo-examples')
  : fileURLToPath(new URL('../../../../shared/kazoo-examples/', import.meta.url));

/** Whether the examples are on this machine (they are in CI; a bare clone may lack them). */
export const HAS_EXAMPLES = existsSync(EXAMPLES_DIR);

/**
 * One documented example, parsed. Without the folder it returns an empty object: the cases that
 * use it are marked `needsExamples` and skipped, saying so.
 */
export function example(name: string): Record<string, unknown> {
  if (!HAS_EXAMPLES) return {};
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8')) as Record<string, unknown>;
}

/** The text of one example (for placeholder substitution), or `undefined` without the folder. */
export function exampleText(name: string): string | undefined {
  return HAS_EXAMPLES ? readFileSync(join(EXAMPLES_DIR, name), 'utf8') : undefined;
}
