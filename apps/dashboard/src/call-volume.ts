import { fromGregorianSeconds } from '@audian/core';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

// Only the pieces a stacked bar chart needs: the rest of Chart.js is left out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const HOUR = 3_600_000;
const HOURS = 7 * 24;

/** One call as the chart counts it. */
interface Counted {
  readonly at: number;
  answered: boolean;
}

/** Calls per hour over the last seven days, answered and missed, one bucket per hour. */
export interface HourlyVolume {
  /** The start of each hour (ms since the epoch), oldest first. */
  readonly hours: readonly number[];
  readonly answered: readonly number[];
  readonly missed: readonly number[];
}

/**
 * The call-volume chart: calls per hour over the last 7 days from CDRs, answered against missed.
 * The legs of one call (one `interaction_id`) count once; a call is answered when any leg has
 * `billing_seconds` (time after answer) above zero. Fed CDRs as they come: `add` merges, so a
 * refresh only needs the CDRs written since the last one.
 */
export class CallVolume {
  readonly #calls = new Map<string, Counted>();
  readonly #chart: Chart<'bar', number[], string>;
  readonly #summary: HTMLElement;

  constructor(canvas: HTMLCanvasElement, summary: HTMLElement) {
    this.#summary = summary;
    this.#chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: [],
        datasets: [
          { label: 'answered', data: [], backgroundColor: '#1b7f3b', stack: 'calls' },
          { label: 'missed', data: [], backgroundColor: '#c0392b', stack: 'calls' },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, ticks: { autoSkip: true, maxTicksLimit: 14, maxRotation: 0 } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
  }

  /** Merges CDRs (listing rows of `GET …/cdrs`); returns how many calls were new. */
  add(cdrs: readonly Readonly<Record<string, unknown>>[]): number {
    let added = 0;
    for (const cdr of cdrs) {
      const key = String(cdr.interaction_id ?? cdr.call_id ?? cdr.id ?? '');
      const seconds = Number(cdr.timestamp);
      if (!key || !Number.isFinite(seconds)) continue;
      const answered = Number(cdr.billing_seconds ?? 0) > 0;
      const known = this.#calls.get(key);
      if (known) known.answered ||= answered;
      else {
        this.#calls.set(key, { at: fromGregorianSeconds(seconds).getTime(), answered });
        added++;
      }
    }
    return added;
  }

  /** The buckets of the 7 days ending with the current hour. */
  volume(now = Date.now()): HourlyVolume {
    const last = Math.floor(now / HOUR) * HOUR;
    const first = last - (HOURS - 1) * HOUR;
    const answered = new Array<number>(HOURS).fill(0);
    const missed = new Array<number>(HOURS).fill(0);
    for (const call of this.#calls.values()) {
      const index = Math.floor((call.at - first) / HOUR);
      if (index < 0 || index >= HOURS) continue;
      if (call.answered) answered[index] = (answered[index] as number) + 1;
      else missed[index] = (missed[index] as number) + 1;
    }
    return { hours: Array.from({ length: HOURS }, (_, i) => first + i * HOUR), answered, missed };
  }

  /** Redraws the chart and its one-line summary (which the page's tests and screen readers read). */
  render(now = Date.now()): void {
    const { hours, answered, missed } = this.volume(now);
    const format = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
    this.#chart.data.labels = hours.map((h) => format.format(h));
    (this.#chart.data.datasets[0] as { data: number[] }).data = [...answered];
    (this.#chart.data.datasets[1] as { data: number[] }).data = [...missed];
    this.#chart.update();
    const a = answered.reduce((x, y) => x + y, 0);
    const m = missed.reduce((x, y) => x + y, 0);
    this.#summary.textContent = `${a + m} calls in the last 7 days: ${a} answered, ${m} missed`;
    this.#summary.dataset.total = String(a + m);
    this.#summary.dataset.answered = String(a);
    this.#summary.dataset.missed = String(m);
  }
}
