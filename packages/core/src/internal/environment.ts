/** True in a browser page or worker, where CORS forbids headers Crossbar does not allow. */
export const IS_BROWSER: boolean =
  typeof (globalThis as { document?: unknown }).document !== 'undefined' ||
  (typeof (globalThis as { self?: unknown }).self !== 'undefined' &&
    typeof (globalThis as { importScripts?: unknown }).importScripts === 'function');

/** `node/v20.x` (or another runtime's name) for the User-Agent; `undefined` in browsers. */
export function runtimeToken(): string | undefined {
  const proc = (globalThis as { process?: { versions?: { node?: string; bun?: string; deno?: string } } }).process;
  if (proc?.versions?.bun) return `bun/${proc.versions.bun}`;
  if (proc?.versions?.deno) return `deno/${proc.versions.deno}`;
  if (proc?.versions?.node) return `node/v${proc.versions.node}`;
  return undefined;
}

/** A random request id: a UUID where available, 32 hex characters otherwise. */
export function randomRequestId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  let out = '';
  for (let i = 0; i < 32; i++) out += Math.floor(Math.random() * 16).toString(16);
  return out;
}
