/** The endpoints a quickcall starts from (`cb_quickcall`'s `?USERS_QCALL_NOUNS`, `?DEVICES_QCALL_NOUNS`). */
export const QUICKCALL_ENDPOINT_TYPES = ['users', 'devices'] as const;

/** Where a quickcall starts: a user (all its devices ring) or one device. */
export type QuickcallEndpointType = (typeof QUICKCALL_ENDPOINT_TYPES)[number];

/**
 * Crossbar's quickcall options (query string): `auto_answer` (a single device answers by itself),
 * `cid-name` / `cid-number` (what the called party sees), `timeout` (seconds, more than 3),
 * `number_filter` (`true` strips ` ,.-()`, `false` keeps the number, or a regex whose first group is kept),
 * `media` (`bypass`), `ignore-early-media`.
 */
export type QuickcallQuery = Readonly<Record<string, string | number | boolean>>;
