import type { EventData, EventMessage } from './kazoo-event';

/** What happened to a document (`kapi_conf.hrl` `?DOC_ACTIONS`). */
export type DocumentAction = 'doc_created' | 'doc_edited' | 'doc_deleted';

/**
 * The document types `object.*` bindings accept (`doc_types.hrl` `?DOC_TYPES`); `fax` and
 * `mailbox_message` live in the month's MODB, the others in the account database.
 */
export const DOCUMENT_TYPES = [
  'account',
  'callflow',
  'device',
  'faxbox',
  'media',
  'user',
  'vmbox',
  'fax',
  'mailbox_message',
  'call_recording',
] as const;

/** One of {@link DOCUMENT_TYPES}. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * The fields of a document change (`kapi_conf:doc_update`, normalized keys). The document
 * itself is not sent: fetch it by `id` when you need it.
 */
export interface DocumentEventData extends EventData {
  /** The document id. */
  readonly id?: string;
  /** Its revision after the change. */
  readonly rev?: string;
  /** Its `pvt_type` (`user`, `device`, `callflow`, …). */
  readonly type?: DocumentType | (string & {});
  /** The database it lives in (`account%2Fxx%2Fyy%2F…`). */
  readonly database?: string;
  readonly account_id?: string;
  /** Gregorian seconds. */
  readonly date_created?: number;
  /** Gregorian seconds. */
  readonly date_modified?: number;
  readonly is_soft_deleted?: boolean;
  readonly version?: string;
}

/**
 * A document was created, edited or deleted (`object.{ACTION}.{TYPE}` and
 * `fax.object.{ACTION}` bindings).
 *
 * @example
 * ```ts
 * import type { DocumentEvent } from '@audian/events';
 *
 * const changed = (event: DocumentEvent) => `${event.name} ${event.data.type} ${event.data.id}`;
 * ```
 */
export type DocumentEvent<Action extends DocumentAction = DocumentAction> = EventMessage<Action, DocumentEventData>;
