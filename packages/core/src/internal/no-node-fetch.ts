// What `#node-fetch` resolves to outside Node (browsers, workers): no tuned fetch, so the
// transport uses the global one, and browser bundles never carry the Node client.
import type { PlainInit } from './node-fetch-types';

export type { PlainInit };

/** Marks a Response whose body was read in full before it was returned (never set here). */
export const BUFFERED = Symbol.for('@audian/core.buffered-body');

/** Outside Node there is no tuned fetch. */
export function createNodeFetch(): typeof globalThis.fetch | undefined {
  return undefined;
}
