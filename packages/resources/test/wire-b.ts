import { envelope, type RecordedRequest, type TestServer } from '@audian/test-server';
import type { Audian } from '../src/index';
import { scriptedClient } from './wire';

/** A scripted server and a client logged in to it, fresh for each test. */
export interface WireServer {
  readonly server: TestServer;
  readonly audian: Audian;
  /** The requests the calls made (the login left out). */
  calls(): RecordedRequest[];
}

/**
 * Registers the hooks of a describe block whose tests script several exchanges themselves
 * (paging, windows, streams): the server answers the login, each test queues the rest.
 */
export function useWireServer(): () => WireServer {
  const { client } = scriptedClient();
  return () => {
    const server = client.server();
    return { server, audian: client.audian(), calls: () => server.requests.filter((r) => r.path !== '/v2/api_auth') };
  };
}

/** A JSON reply with `data` and extra envelope keys (`next_start_key`, `page_size`, …). */
export function page(data: unknown, extra: Record<string, unknown> = {}): { status: number; body: Record<string, unknown> } {
  return { status: 200, body: envelope(data, extra) };
}

/** Reads a web stream to text. */
export async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}
