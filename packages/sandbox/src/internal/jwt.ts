import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The claims of a sandbox token (the same names KAZOO's JWTs carry). */
export interface TokenClaims {
  readonly iss: 'kazoo';
  readonly account_id: string;
  readonly owner_id?: string;
  readonly method: 'cb_api_auth' | 'cb_user_auth' | 'cb_ip_auth';
  /** Set on an impersonation's token (`cb_user_auth` `impersonate_user`): who is acting. */
  readonly original_account_id?: string;
  readonly original_owner_id?: string;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const CACHE_LIMIT = 10_000;

/**
 * HS256 JWTs signed with the database's secret, so tokens survive a restart on the same file.
 * Verified tokens are cached: a request costs a map look-up, not an HMAC.
 */
export class TokenSigner {
  readonly #secret: Buffer;
  readonly #verified = new Map<string, TokenClaims>();

  constructor(secret: Buffer) {
    this.#secret = secret;
  }

  static newSecret(): Buffer {
    return randomBytes(32);
  }

  sign(claims: Omit<TokenClaims, 'iss' | 'jti'>): string {
    const full: TokenClaims = { iss: 'kazoo', ...claims, jti: randomBytes(12).toString('hex') };
    const payload = Buffer.from(JSON.stringify(full)).toString('base64url');
    const input = `${HEADER}.${payload}`;
    return `${input}.${this.#mac(input)}`;
  }

  /** The claims of a well-formed token signed by this database (expiry is the caller's check). */
  verify(token: string): TokenClaims | undefined {
    const cached = this.#verified.get(token);
    if (cached) return cached;
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
    const [, payload = '', signature = ''] = parts;
    const expected = Buffer.from(this.#mac(`${HEADER}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return undefined;
    }
    if (typeof claims.account_id !== 'string' || typeof claims.exp !== 'number' || typeof claims.jti !== 'string') return undefined;
    if (this.#verified.size >= CACHE_LIMIT) this.#verified.clear();
    this.#verified.set(token, claims);
    return claims;
  }

  #mac(input: string): string {
    return createHmac('sha256', this.#secret).update(input).digest('base64url');
  }
}
