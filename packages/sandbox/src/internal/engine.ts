import type { RateLimitSettings, ServicePlanSettings } from '../sandbox-options';
import { treeOf } from './accounts-def';
import { type BillableChange, checkCharges, DEFAULT_CHARGES } from './billing';
import { isSuperDuperAdmin } from './billing-rights';
import type { Clock } from './clock';
import type { AuthInfo, SandboxRequest } from './context';
import { badIdentifier, CrossbarError, echoId, forbidden, invalidToken, missingCredentials } from './crossbar-error';
import { Documents } from './documents';
import { isAccountId } from './ids';
import type { JsonObject } from './json';
import { type TokenClaims, TokenSigner } from './jwt';
import { KAZOO_BUCKET, TokenBuckets } from './rate-limit';
import type { Store, StoredDoc } from './store';

export interface EngineSettings {
  tokenTtlSeconds: number;
  maxUploadBytes: number;
  rateLimit: RateLimitSettings | false;
  servicePlan: ServicePlanSettings | false;
  /**
   * The sandbox's own websocket, named in login answers as KAZOO names the `blackhole` system
   * config's `url`; set once the port is known.
   */
  eventsUrl?: string;
}

/** The state every handler shares: storage, clock, token signer and the switchable behaviours. */
export class Engine {
  readonly store: Store;
  readonly clock: Clock;
  readonly docs: Documents;
  readonly signer: TokenSigner;
  readonly settings: EngineSettings;
  /** Every answer reports its bucket (`tokens`); only an enabled rate limit answers 429. */
  buckets: TokenBuckets = new TokenBuckets(KAZOO_BUCKET);

  constructor(store: Store, clock: Clock, settings: EngineSettings) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.docs = new Documents(store, clock);
    let secret = store.meta('jwt_secret');
    if (!secret) {
      secret = TokenSigner.newSecret().toString('base64');
      store.setMeta('jwt_secret', secret);
    }
    this.signer = new TokenSigner(Buffer.from(secret, 'base64'));
    this.setRateLimit(settings.rateLimit);
  }

  /** Turns enforcement on with the given bucket, or off (buckets of KAZOO's defaults still report `tokens`). */
  setRateLimit(settings: RateLimitSettings | false): void {
    this.settings.rateLimit = settings;
    this.buckets = new TokenBuckets(settings || KAZOO_BUCKET);
  }

  /** A live account, or undefined. */
  account(accountId: string): StoredDoc | undefined {
    if (!isAccountId(accountId)) return undefined;
    const doc = this.store.get(accountId, accountId);
    return doc && !doc.deleted && doc.type === 'account' ? doc : undefined;
  }

  issueToken(
    accountId: string,
    ownerId: string | undefined,
    method: TokenClaims['method'],
    original?: Pick<TokenClaims, 'original_account_id' | 'original_owner_id'>,
  ): { token: string; claims: TokenClaims } {
    const iat = this.clock.unix();
    const token = this.signer.sign({
      account_id: accountId,
      ...(ownerId ? { owner_id: ownerId } : {}),
      ...original,
      method,
      iat,
      exp: iat + this.settings.tokenTtlSeconds,
    });
    return { token, claims: this.signer.verify(token) as TokenClaims };
  }

  /** The token a request carries (`X-Auth-Token`, then `auth_token` in the query or envelope). */
  tokenOf(req: SandboxRequest): string | undefined {
    const header = req.headers['x-auth-token'];
    const fromHeader = Array.isArray(header) ? header[0] : header;
    if (fromHeader) return fromHeader.trim();
    const q = req.query.auth_token;
    if (q) return q;
    const e = req.envelope.auth_token;
    return typeof e === 'string' && e !== '' ? e : undefined;
  }

  /**
   * Verifies the request's token: 401 when missing, malformed, forged, expired, or its account is
   * gone. A logout does not revoke: KAZOO validates JWTs by signature and `exp` alone
   * (`crossbar_auth:validate_auth_token/2`), never consulting the token database that
   * `DELETE /v2/token_auth` deletes from.
   */
  authenticate(req: SandboxRequest): AuthInfo {
    const token = this.tokenOf(req);
    if (!token) throw missingCredentials();
    const claims = this.signer.verify(token);
    if (!claims || claims.exp <= this.clock.unix()) throw invalidToken();
    if (!this.account(claims.account_id)) throw invalidToken();
    const auth: AuthInfo = { token, claims, accountId: claims.account_id, ownerId: claims.owner_id };
    req.auth = auth;
    return auth;
  }

  /**
   * `api_resource:malformed_request/3`: before any login is checked, the account a path names
   * under `/v2/accounts/{id}` must exist. A 32-character id is loaded (`cb_accounts:load_account_db/2`,
   * 404 `bad_identifier` naming it when there is no such account); any other id is 404
   * `bad identifier` with a message and never reaches the login or `cb_simple_authz`.
   */
  validateAccountResource(segments: readonly string[]): void {
    if (segments[0] !== 'accounts' || segments.length < 2) return;
    const id = segments[1] as string;
    if (id.length !== 32) throw new CrossbarError(404, 'bad identifier', { message: `invalid account_id '${echoId(id)}'` });
    if (!this.account(id)) throw badIdentifier(id);
  }

  /**
   * The target account of a URL, if the token may reach it (`cb_simple_authz:account_is_descendant/2`):
   * its own account or a descendant, or any account for a super-duper admin; 403 otherwise.
   */
  authorize(auth: AuthInfo, accountId: string): StoredDoc {
    if (!isAccountId(accountId)) throw forbidden();
    const doc = this.store.get(accountId, accountId);
    if (doc?.type !== 'account') throw forbidden();
    const reachable = accountId === auth.accountId || treeOf(doc.body).includes(auth.accountId) || isSuperDuperAdmin(this, auth.accountId);
    if (!reachable) throw forbidden();
    if (doc.deleted) throw badIdentifier(accountId);
    return doc;
  }

  /** The reseller an account belongs to: itself when it is a reseller, else the nearest reseller ancestor. */
  resellerOf(account: StoredDoc): string | undefined {
    if (account.body.pvt_reseller === true) return account.id;
    const tree = treeOf(account.body);
    for (let i = tree.length - 1; i >= 0; i--) {
      const id = tree[i] as string;
      const doc = this.store.get(id, id);
      if (doc?.body.pvt_reseller === true) return id;
    }
    return tree[0];
  }

  /**
   * The `data` of an auth response (`crossbar_util:response_auth/3` → `populate_resp/3`). Its
   * `ui_config` names the sandbox's websocket at `api.kazoo_websocket.url`, as
   * `get_kazoo_websocket_config/1` names the `blackhole` system config's `url`.
   */
  authData(account: StoredDoc, ownerId: string | undefined): JsonObject {
    const eventsUrl = this.settings.eventsUrl;
    const out: JsonObject = {
      account_id: account.id,
      apps: [],
      is_reseller: account.body.pvt_reseller === true,
      language: typeof account.body.language === 'string' ? account.body.language : 'en-us',
      account_name: account.body.name,
      ui_config: eventsUrl ? { api: { kazoo_websocket: { url: eventsUrl } } } : {},
    };
    if (ownerId) out.owner_id = ownerId;
    const reseller = this.resellerOf(account);
    if (reseller) out.reseller_id = reseller;
    return out;
  }

  /** In 402 mode, throws `accept charges` for a write that adds billable quantities the request did not accept. */
  checkCharges(change: BillableChange, accepted: boolean): void {
    const plan = this.settings.servicePlan;
    if (!plan || accepted) return;
    checkCharges(this.store, plan.charges ?? DEFAULT_CHARGES, change);
  }
}
