import { readFileSync } from 'node:fs';
import { UsageError } from './cli-error';
import { type Doc, isDoc, setPath } from './fields';
import { fileError } from './file-error';
import { readStdin } from './stdin';

/** The body options of a command: `--data JSON | @file.json | -` and repeated `--set key.path=value`. */
export interface BodyOptions {
  readonly data?: string;
  readonly set?: readonly string[];
}

/**
 * Parses a `--set`/`--query` value: JSON when it parses as JSON (`true`, `42`, `["a"]`,
 * `{"x":1}`, `"1001"`), else the text itself.
 */
export function parseLooseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Splits `key=value` at the first `=`.
 *
 * @throws UsageError when there is no `=` or the key is empty
 */
export function splitAssignment(option: string, text: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new UsageError(`${option}: expected key=value, got ${JSON.stringify(text)}`);
  return [text.slice(0, at).trim(), text.slice(at + 1)];
}

/**
 * Reads `--data` (inline JSON, `@file.json`, or `-` for standard input).
 *
 * @throws UsageError for unreadable files or invalid JSON, before anything is sent
 */
export async function readData(data: string): Promise<unknown> {
  let text: string;
  let source: string;
  if (data === '-') {
    text = await readStdin('--data -');
    source = 'standard input';
  } else if (data.startsWith('@')) {
    const file = data.slice(1);
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw fileError(file, error, '--data: ');
    }
    source = file;
  } else {
    text = data;
    source = 'the --data value';
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--data: ${source} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Builds a request body from `--data` and `--set`: `--data` (or `base` when there is none) with
 * each `--set` applied on top.
 *
 * @throws UsageError for invalid JSON, a `--set` without `=`, or `--set` on a non-object body
 */
export async function buildBody(options: BodyOptions, base?: () => Promise<unknown>): Promise<unknown> {
  let body: unknown = options.data !== undefined ? await readData(options.data) : base ? await base() : {};
  const sets = options.set ?? [];
  if (sets.length > 0) {
    if (!isDoc(body)) throw new UsageError('--set needs the body to be a JSON object');
    body = structuredClone(body) as Doc;
    for (const assignment of sets) {
      const [key, value] = splitAssignment('--set', assignment);
      setPath(body as Doc, key, parseLooseValue(value));
    }
  }
  return body;
}

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
