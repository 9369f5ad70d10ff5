import { inspect } from 'node:util';

const LIVE = [globalThis.Request, globalThis.Response, globalThis.Headers, globalThis.ReadableStream];

/**
 * Throws when `error`, or anything in its `cause` chain, shows one of `secrets` in any form a
 * user may log (`util.inspect` at full depth with hidden properties, `JSON.stringify`, `stack`,
 * `String()`), or holds a live Request, Response, Headers or stream that could.
 */
export function assertNoSecrets(error: unknown, secrets: readonly string[]): void {
  const problems: string[] = [];
  const renderings: [string, string][] = [];
  let depth = 0;
  for (let current: unknown = error; current !== undefined && current !== null; current = (current as { cause?: unknown }).cause) {
    const where = depth === 0 ? 'the error' : `cause #${depth}`;
    if (!(current instanceof Error)) problems.push(`${where} is not an Error`);
    renderings.push(
      [`inspect(${where})`, inspect(current, { depth: Number.POSITIVE_INFINITY, showHidden: true })],
      [`${where}.stack`, String((current as Error).stack)],
      [`String(${where})`, String(current)],
      [`JSON.stringify(${where})`, String(JSON.stringify(current))],
    );
    findLive(current, where, new Set(), problems);
    if (++depth > 10) break;
  }
  for (const [label, text] of renderings)
    for (const secret of secrets) if (text.includes(secret)) problems.push(`${label} contains ${JSON.stringify(secret.slice(0, 6))}…`);
  if (problems.length) throw new Error(`secret exposure:\n${problems.join('\n')}`);
}

function findLive(value: unknown, where: string, seen: Set<unknown>, problems: string[]): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  for (const type of LIVE) if (type && value instanceof type) problems.push(`${where} holds a ${type.name}`);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) findLive(descriptor.value, `${where}.${String(key)}`, seen, problems);
  }
}
