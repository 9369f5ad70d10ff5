import { SecretRegistry } from '@audian/core';

/**
 * Every secret this process has seen (API key, password, credentials hash, session token), so
 * that error messages and debug lines can be scrubbed of them as a last line of defence.
 */
export const secrets: SecretRegistry = new SecretRegistry();
