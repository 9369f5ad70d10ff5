import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { TokenStore } from '@audian/auth';
import type { AuthSession } from '@audian/core';
import { ensurePrivateDir, tightenOnRead, writeFileAtomic } from './atomic-file';
import type { ProfileAuth } from './config';
import { secrets } from './secrets';

interface StoredSession {
  readonly fingerprint: string;
  readonly session: AuthSession;
}

/**
 * Identifies the credentials a cached session belongs to (a SHA-256 of base URL and credentials,
 * never the credentials themselves), so a token cached for one key is never used with another
 * (AUDIAN_API_KEY overriding a profile, a profile logged in again elsewhere).
 */
export function credentialsFingerprint(baseUrl: string, auth: ProfileAuth): string {
  const identity =
    auth.type === 'api-key'
      ? ['api-key', auth.apiKey]
      : ['user', auth.credentials, auth.accountName ?? '', auth.accountRealm ?? '', auth.phoneNumber ?? ''];
  return createHash('sha256')
    .update(JSON.stringify([baseUrl, ...identity]))
    .digest('hex');
}

/**
 * A {@link TokenStore} backed by a 0600 JSON file, so repeated commands reuse one session instead
 * of logging in each time. A file that cannot be read or written only costs a login. A session
 * file (or sessions directory) others can read is tightened before the token is used.
 */
export function createFileTokenStore(file: string, fingerprint: string, onWarning: (message: string) => void = () => {}): TokenStore {
  return {
    get() {
      if (!existsSync(file)) return undefined;
      try {
        tightenOnRead(dirname(file), onWarning, [basename(file)]);
        tightenOnRead(file, onWarning);
        const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredSession;
        if (stored?.fingerprint !== fingerprint || typeof stored.session?.token !== 'string') return undefined;
        secrets.add(stored.session.token);
        const expiresAt = stored.session.expiresAt as unknown;
        return typeof expiresAt === 'string' ? { ...stored.session, expiresAt: new Date(expiresAt) } : stored.session;
      } catch {
        return undefined;
      }
    },
    set(session) {
      secrets.add(session.token);
      try {
        ensurePrivateDir(dirname(file));
        writeFileAtomic(file, JSON.stringify({ fingerprint, session } satisfies StoredSession));
      } catch (error) {
        onWarning(`could not cache the session in ${file}: ${(error as Error).message}`);
      }
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}
