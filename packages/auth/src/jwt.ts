/**
 * The claims of a JWT, decoded without verifying the signature (the client only needs `exp`
 * and the account id; the server verifies). `undefined` when the token is not a JWT.
 *
 * @example
 * ```ts
 * import { decodeJwtClaims } from '@audian/auth';
 *
 * const claims = decodeJwtClaims(token);
 * if (claims?.exp) console.log(new Date(claims.exp * 1000));
 * ```
 */
export function decodeJwtClaims(token: string): Record<string, unknown> | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When a token expires, from its JWT `exp` claim (Unix seconds); `undefined` when unknown.
 *
 * @example
 * ```ts
 * import { tokenExpiry } from '@audian/auth';
 *
 * tokenExpiry(token)?.toISOString();
 * ```
 */
export function tokenExpiry(token: string): Date | undefined {
  const exp = decodeJwtClaims(token)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000) : undefined;
}
