import type { EventData, EventMessage } from './kazoo-event';

/** The fields of a fax progress update (`kapi_fax:status`, normalized keys). */
export interface FaxStatusData extends EventData {
  readonly job_id?: string;
  readonly status?: string;
  readonly faxbox_id?: string;
  readonly account_id?: string;
  /** `start`, `prepare`, `send`, `receive`, `end`, … */
  readonly fax_state?: string;
  readonly direction?: 'incoming' | 'outgoing' | (string & {});
  readonly page?: number;
  readonly stage?: string;
  readonly fax_info?: Readonly<Record<string, unknown>>;
  readonly caller_id_number?: string;
  readonly caller_id_name?: string;
  readonly callee_id_number?: string;
  readonly callee_id_name?: string;
}

/**
 * A fax job's progress (`fax.status.{FAX_ID}` bindings; `*` for every job).
 *
 * @example
 * ```ts
 * import type { FaxStatusEvent } from '@audian/events';
 *
 * const progress = (event: FaxStatusEvent) => `${event.data.job_id}: ${event.data.fax_state} page ${event.data.page}`;
 * ```
 */
export type FaxStatusEvent = EventMessage<'status', FaxStatusData>;
