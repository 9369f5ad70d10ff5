import { estimateRunSeconds, type RunStatus } from '@audian/fleet';
import cliProgress from 'cli-progress';

/**
 * Seconds until a run's pending accounts are settled, at the pace since `since` (ms): undefined
 * until one has settled, or once none is pending.
 */
function fleetEta(status: RunStatus, since: number, settledBefore = 0, now: number = Date.now()): number | undefined {
  const settled = status.total - status.pending - settledBefore;
  if (status.pending === 0 || settled <= 0) return undefined;
  return Math.ceil((((now - since) / 1000) * status.pending) / settled);
}

/** A run's ETA two ways, and the one shown. */
export interface FleetEtas {
  /** The larger of the two below: the buckets are a floor, and the observed pace includes latency. */
  readonly seconds: number | undefined;
  /** The fewest seconds the buckets and caps allow (`estimateRunSeconds`), rounded up. */
  readonly bucket: number | undefined;
  /** At the pace seen since `since` ({@link fleetEta}). */
  readonly observed: number | undefined;
}

/**
 * Both estimates of a run's remaining time, and the larger one to show; all undefined once
 * nothing is pending (as {@link fleetEta}).
 */
export function fleetEtas(status: RunStatus, since: number, settledBefore = 0, now: number = Date.now()): FleetEtas {
  if (status.pending === 0) return { seconds: undefined, bucket: undefined, observed: undefined };
  const floor = estimateRunSeconds(status, status.pace);
  const bucket = floor === undefined ? undefined : Math.ceil(floor);
  const observed = fleetEta(status, since, settledBefore, now);
  const known = [bucket, observed].filter((s): s is number => s !== undefined);
  return { seconds: known.length === 0 ? undefined : Math.max(...known), bucket, observed };
}

/** `12s`, `4m05s`, `?` */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined) return '?';
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/**
 * A run's progress as one line of text, for tables: `███████░░░░░░░ 50% (100/200 tasks)`. Settled
 * tasks (done, failed or cancelled) fill the bar, as in `fleet run`'s live bar.
 */
export function progressBar(status: RunStatus, width = 20): string {
  const settled = status.total - status.pending;
  const ratio = status.total === 0 ? 1 : settled / status.total;
  const filled = Math.round(ratio * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.floor(ratio * 100)}% (${settled}/${status.total} tasks)`;
}

/** Shows a run's progress while it is followed. */
export interface FleetProgress {
  update(status: RunStatus): void;
  stop(): void;
}

/**
 * A progress bar on standard error (done/failed/pending, ETA: the larger of the buckets' floor and
 * the observed pace) when it is a terminal; nothing
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
    eta_text: formatEta(fleetEtas(s, started, settledBefore).seconds),
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
