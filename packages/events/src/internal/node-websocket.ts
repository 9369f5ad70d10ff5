import type { WebSocketConstructor } from '../websocket-like';

// What `#node-websocket` resolves to on Node: the global WebSocket when there is one (Node 22+),
// else the `ws` package, imported only then so that nothing loads it where it is not needed.
export async function loadWebSocket(): Promise<WebSocketConstructor> {
  const native = (globalThis as { WebSocket?: unknown }).WebSocket;
  if (typeof native === 'function') return native as WebSocketConstructor;
  const ws = (await import('ws')) as unknown as { WebSocket?: unknown; default?: unknown };
  return (ws.WebSocket ?? ws.default) as WebSocketConstructor;
}
