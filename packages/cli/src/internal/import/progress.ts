import cliProgress from 'cli-progress';

/** Reports an import's progress: a bar on a terminal, plain lines otherwise. */
export interface Progress {
  /** One more row settled (created, skipped or failed). */
  tick(failed: boolean): void;
  /** Ends the display. */
  stop(): void;
}

/**
 * A progress display for `total` rows, `done` of them already settled: cli-progress's bar (count,
 * rate, ETA) when standard error is a terminal, else a plain line at most every `interval` ms.
 */
export function createProgress(total: number, done: number, tty: boolean = process.stderr.isTTY === true, interval = 2000): Progress {
  const started = Date.now();
  let value = done;
  let failed = 0;
  const rate = (): number => (value - done) / Math.max((Date.now() - started) / 1000, 0.001);
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        format: ' {bar} {value}/{total} rows | {rate}/s | ETA {eta_formatted} | {failed} failed',
        hideCursor: true,
        stream: process.stderr,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, done, { rate: '0.0', failed: 0 });
    return {
      tick(isFailure) {
        value++;
        if (isFailure) failed++;
        bar.update(value, { rate: rate().toFixed(1), failed });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let last = 0;
  const line = (): void => {
    const r = rate();
    const eta = r > 0 ? Math.ceil((total - value) / r) : undefined;
    process.stderr.write(
      `progress: ${value}/${total} rows (${Math.floor((value / Math.max(total, 1)) * 100)}%), ${r.toFixed(1)} rows/s, ETA ${eta === undefined ? '?' : `${eta}s`}, ${failed} failed\n`,
    );
  };
  return {
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
