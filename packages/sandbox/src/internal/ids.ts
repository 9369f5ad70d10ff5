import { randomBytes, randomUUID } from 'node:crypto';

/** A CouchDB-style document id: 32 lowercase hex characters. */
export function newId(): string {
  // randomUUID draws from a cached entropy pool: much cheaper per call than randomBytes(16).
  return randomUUID().replaceAll('-', '');
}

/** An account API key: 64 hex characters, the length `api_auth` requires. */
export function newApiKey(): string {
  return randomBytes(32).toString('hex');
}

/** A MODB-style id (`YYYYMM-<32 hex>`), as CDRs and voicemail messages carry. */
export function newModbId(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}-${newId()}`;
}

const HEX32 = /^[0-9a-f]{32}$/;

/** True for a 32-hex account id (the only shape an account id can have). */
export function isAccountId(value: string): boolean {
  return HEX32.test(value);
}
