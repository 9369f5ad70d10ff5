import { type Logger, redactSecrets, silentLogger } from '@audian/core';
import { secrets } from './secrets';

/**
 * The SDK logger behind `--debug`: every request, retry and login line on standard error, with
 * credential-named fields redacted and every known secret scrubbed. Silent without `--debug`.
 */
export function createDebugLogger(enabled: boolean, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  if (!enabled) return silentLogger;
  const line =
    (level: string) =>
    (message: string, meta?: Record<string, unknown>): void => {
      const extra = meta && Object.keys(meta).length > 0 ? ` ${JSON.stringify(redactSecrets(meta))}` : '';
      write(`${secrets.scrub(`[${level}] ${message}${extra}`)}\n`);
    };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
