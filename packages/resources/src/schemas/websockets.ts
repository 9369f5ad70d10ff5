import * as z from 'zod/mini';

/**
 * One live websocket of the account (`blackhole_tracking`): its session id, the bindings it
 * subscribed to, when it connected (Gregorian seconds), and the client (`source`) and server
 * (`destination`) addresses.
 */
export const WebsocketSchema = z.looseObject({
  websocket_session_id: z.string(),
  bindings: z.optional(z.array(z.string())),
  timestamp: z.optional(z.number()),
  source: z.optional(z.string()),
  destination: z.optional(z.string()),
  name: z.optional(z.string()),
  metadata: z.optional(z.unknown()),
});

/** `GET /v2/websockets`: the bindings a websocket may subscribe to, by family (`call`, `object`, …). */
export const WebsocketBindingsSchema = z.record(z.string(), z.array(z.string()));

/** A live websocket of the account. */
export type Websocket = z.output<typeof WebsocketSchema>;
/** The bindings a websocket may subscribe to, by family. */
export type WebsocketBindings = z.output<typeof WebsocketBindingsSchema>;
