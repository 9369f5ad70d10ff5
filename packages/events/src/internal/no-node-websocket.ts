import { AudianError } from '@audian/core';
import type { WebSocketConstructor } from '../websocket-like';

// What `#node-websocket` resolves to outside Node (browsers, workers, Deno, Bun): the global
// WebSocket, and never the `ws` package.
export async function loadWebSocket(): Promise<WebSocketConstructor> {
  const native = (globalThis as { WebSocket?: unknown }).WebSocket;
  if (typeof native === 'function') return native as WebSocketConstructor;
  throw new AudianError('no global WebSocket in this runtime: pass the WebSocket option to createEvents');
}
