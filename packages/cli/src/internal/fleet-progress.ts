import type { RunStatus } from '@audian/fleet';
import cliProgress from 'cli-progress';

/**
 * Seconds until a run's pending accounts are settled, at the pace since `since` (ms): undefined
 * until one has settled, or once none is pending.
 */
export function fleetEta(status: RunStatus, since: number, settledBefore = 0, now: number = Date.now()): number | undefined {
  const settled = status.total - status.pending - settledBefore;
  if (status.pending === 0 || settled <= 0) return undefined;
  return Math.ceil((((now - since) / 1000) * status.pending) / settled);
}

/** `12s`, `4m05s`, `?` */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined) return '?';
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** Shows a run's progress while it is followed. */
export interface FleetProgress {
  update(status: RunStatus): void;
  stop(): void;
}

/**
 * A progress bar on standard error (done/failed/pending, ETA) when it is a terminal; nothing
 * otherwise, since the summary follows anyway and a log needs no redrawn lines.
 */
export function createFleetProgress(first: RunStatus, tty: boolean = process.stderr.isTTY === true): FleetProgress {
  if (!tty) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  const settledBefore = first.total - first.pending;
  const bar = new cliProgress.SingleBar(
    {
      format: ' {bar} {value}/{total} accounts | {done} done, {failed} failed, {pending} pending | ETA {eta_text}',
      hideCursor: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = (s: RunStatus) => ({
    done: s.done,
    failed: s.failed,
    pending: s.pending,
    eta_text: formatEta(fleetEta(s, started, settledBefore)),
  });
  bar.start(first.total, first.total - first.pending, payload(first));
  return {
    update(status) {
      bar.update(status.total - status.pending, payload(status));
    },
    stop() {
      bar.stop();
    },
  };
}
