import { UsageError } from './cli-error';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The events websocket of a profile: `--events-url`, else AUDIAN_EVENTS_URL, else — when the API
 * runs on this machine (the sandbox serves its events on the API's own port) — `ws://host:port/`.
 * A remote API's blackhole port is deployment-specific (KAZOO's default is 5555), so it is never guessed.
 *
 * @throws UsageError naming the flag or variable when the URL is malformed or cannot be derived
 */
export function resolveEventsUrl(flag: string | undefined, baseUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  const given = flag ?? (env.AUDIAN_EVENTS_URL?.trim() || undefined);
  if (given !== undefined) {
    const source = flag !== undefined ? '--events-url' : 'AUDIAN_EVENTS_URL';
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      throw new UsageError(`${source}: ${JSON.stringify(given)} is not a URL (expected ws://HOST:PORT/ or wss://HOST:PORT/)`);
    }
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
      throw new UsageError(`${source}: ${JSON.stringify(given)} must start with ws:// or wss://`);
    }
    return url.href;
  }
  const base = new URL(baseUrl);
  if (LOOPBACK_HOSTS.has(base.hostname)) return `ws://${base.host}/`;
  throw new UsageError(
    `no events URL for ${base.host}: pass --events-url wss://HOST:PORT/ or set AUDIAN_EVENTS_URL (the API's websocket, KAZOO's blackhole)`,
  );
}
