import { md5, sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The hash Crossbar's `user_auth` compares: `md5` (default) or `sha` (SHA-1). */
export type CredentialsMethod = 'md5' | 'sha';

/**
 * Crossbar's `user_auth` credentials: the lowercase hex digest of
 * `lowercase(username) + ":" + password` (MD5, or SHA-1 for `method: 'sha'`).
 *
 * @example
 * ```ts
 * import { userCredentialsHash } from '@audian/auth';
 *
 * userCredentialsHash('John@Example.com', 'm32c6NfqYEt'); // '82a2dc91686ec828a67152d45a5c5ef7'
 * ```
 */
export function userCredentialsHash(username: string, password: string, method: CredentialsMethod = 'md5'): string {
  const bytes = utf8ToBytes(`${username.toLowerCase()}:${password}`);
  return bytesToHex(method === 'sha' ? sha1(bytes) : md5(bytes));
}
