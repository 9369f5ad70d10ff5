import type { RateLimitOptions } from '@audian/core';
import cliProgress from 'cli-progress';
import { estimateSeconds } from './eta';

/** Reports an import's progress: a bar on a terminal, plain lines otherwise. */
export interface Progress {
  /** A request is about to be sent (it takes a token from the bucket). */
  sent(): void;
  /** One more row settled (created, skipped or failed). */
  tick(failed: boolean): void;
  /** Ends the display. */
  stop(): void;
}

/**
 * A progress display for `total` rows, `done` of them already settled: cli-progress's bar (count,
 * rate, ETA) when standard error is a terminal, else a plain line at most every `interval` ms.
 * The ETA accounts for the client's token bucket (`bucket`), not only the pace so far.
 */
export function createProgress(
  total: number,
  done: number,
  bucket: RateLimitOptions | false,
  tty: boolean = process.stderr.isTTY === true,
  interval = 2000,
): Progress {
  const started = Date.now();
  let value = done;
  let failed = 0;
  let sent = 0;
  const elapsed = (): number => Math.max((Date.now() - started) / 1000, 0.001);
  const rate = (): number => (value - done) / elapsed();
  const eta = (): number | undefined =>
    estimateSeconds({ remaining: total - value, elapsed: elapsed(), settled: value - done, sent, bucket });
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        format: ' {bar} {value}/{total} rows | {rate}/s | ETA {eta_text} | {failed} failed',
        hideCursor: true,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, done, { rate: '0.0', failed: 0, eta_text: '?' });
    return {
      sent() {
        sent++;
      },
      tick(isFailure) {
        value++;
        if (isFailure) failed++;
        const left = eta();
        bar.update(value, { rate: rate().toFixed(1), failed, eta_text: left === undefined ? '?' : `${Math.ceil(left)}s` });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let last = 0;
  const line = (): void => {
    const left = eta();
    process.stderr.write(
      `progress: ${value}/${total} rows (${Math.floor((value / Math.max(total, 1)) * 100)}%), ${rate().toFixed(1)} rows/s, ETA ${left === undefined ? '?' : `${Math.ceil(left)}s`}, ${failed} failed\n`,
    );
  };
  return {
    sent() {
      sent++;
    },
    tick(isFailure) {
      value++;
      if (isFailure) failed++;
      const now = Date.now();
      if (now - last >= interval) {
        last = now;
        line();
      }
    },
    stop() {
      line();
    },
  };
}
