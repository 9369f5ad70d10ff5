import { InvalidArgumentError, type Transport } from '@audian/core';
import type { AuthClient } from '../auth-client';

/** The transport of an {@link AuthClient}, checked by shape (another installed copy of core is fine). */
export function transportOf(client: AuthClient): Transport {
  const transport = client && typeof client === 'object' && 'transport' in client ? client.transport : client;
  if (!transport || typeof transport.request !== 'function' || typeof transport.session !== 'function') {
    throw new InvalidArgumentError('client', 'pass a transport (createTransport) or a client that has one (createAudian)');
  }
  return transport;
}
