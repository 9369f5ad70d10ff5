/**
 * How a CLI command fills a resource method's arguments, one token per argument, in order:
 *
 * - `name`, `name?`, `name...`: a positional argument (required, optional, or several → an array);
 * - `@list`: list params from the listing flags (`--filter`, `--page-size`, …);
 * - `@body`: a body from `--data`/`--set` (`{}` when neither is given);
 * - `@query`: an object from repeated `--query key=value` (numbers and booleans parsed);
 * - `@file`: the bytes of a FILE positional and its content type (two arguments);
 * - `@skip`: `undefined`, so the method's default applies.
 *
 * Per-call options (`signal`, `acceptCharges`) always follow.
 */
export type ArgToken = string;

/** A positional argument of a token list. */
export interface Positional {
  readonly name: string;
  readonly required: boolean;
  readonly variadic: boolean;
}

/** The positional arguments among `tokens` (plus FILE for `@file`), for commander. */
export function positionalsOf(tokens: readonly ArgToken[]): Positional[] {
  const out: Positional[] = [];
  for (const token of tokens) {
    if (token === '@file') out.push({ name: 'file', required: true, variadic: false });
    else if (!token.startsWith('@')) {
      const variadic = token.endsWith('...');
      const optional = token.endsWith('?');
      out.push({ name: token.replace(/(\?|\.\.\.)$/, ''), required: !optional, variadic });
    }
  }
  return out;
}

/** The commander syntax of a positional: `<id>`, `[id]`, `<numbers...>`. */
export function argumentSyntax(p: Positional): string {
  const name = p.variadic ? `${p.name}...` : p.name;
  return p.required ? `<${name}>` : `[${name}]`;
}

/** Whether `tokens` reads a given input kind. */
export function reads(tokens: readonly ArgToken[], kind: '@list' | '@body' | '@query' | '@file'): boolean {
  return tokens.includes(kind);
}
