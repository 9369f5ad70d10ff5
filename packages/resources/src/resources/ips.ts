import type { CallOptions } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { checkBody, ResourceBase, type ResourceSchemas } from '../internal/resource-base.js';
import type { Ip, IpAssignmentResult, IpCreateParams, IpListParams, IpSummary } from '../schemas/ips.js';

const PATH = 'accounts/{account_id}/ips';
const CREATE = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/ips.js');
  return { document: m.IpCreateSchema, summary: m.IpSummarySchema };
});
const LIST = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/ips.js');
  return { document: m.IpListSchema, summary: m.IpSummarySchema };
});

/**
 * Dedicated IPs: the system's pool of proxy addresses an account's outbound carrier traffic can
 * leave from, and which of them the account holds: `/v2/accounts/{ACCOUNT_ID}/ips`. An IP is
 * `available` until assigned to one account; assigning one held by another account fails.
 *
 * @example
 * ```ts
 * const [free] = await audian.ips.list({ zone: 'us-east' });
 * if (free) await audian.ips.add(free.ip);
 * console.log(await audian.ips.assigned()); // [{ ip: '198.51.100.10', zone: 'us-east' }]
 * await audian.ips.delete(free.ip); // releases it
 * ```
 */
export class Ips extends ResourceBase {
  /**
   * An available IP, optionally in one zone (KAZOO answers at most one).
   * `GET /v2/accounts/{ACCOUNT_ID}/ips`
   *
   * @throws NotFoundError when `zone` names no zone
   */
  list(params?: IpListParams, options?: CallOptions): APIPromise<IpSummary[]> {
    return this.call('GET', PATH, { query: { zone: params?.zone }, options });
  }

  /**
   * Fetches one IP: zone, host, status and the account holding it. `GET /v2/accounts/{ACCOUNT_ID}/ips/{IP_ADDRESS}`
   *
   * @throws NotFoundError when the system has no such IP
   */
  get(ip: string, options?: CallOptions): APIPromise<Ip> {
    return this.call('GET', `${PATH}/{ip}`, { pathParams: { ip }, options });
  }

  /**
   * Assigns one IP to the account. `POST /v2/accounts/{ACCOUNT_ID}/ips/{IP_ADDRESS}`
   *
   * @throws BadRequestError when the IP is unknown, already the account's, or another account's
   */
  add(ip: string, options?: CallOptions): APIPromise<IpAssignmentResult> {
    return this.call('POST', `${PATH}/{ip}`, { pathParams: { ip }, data: {}, options });
  }

  /**
   * Releases one IP of the account back to the pool. `DELETE /v2/accounts/{ACCOUNT_ID}/ips/{IP_ADDRESS}`
   *
   * @throws BadRequestError when the IP is unknown, not assigned, or another account's
   */
  delete(ip: string, options?: CallOptions): APIPromise<IpAssignmentResult> {
    return this.call('DELETE', `${PATH}/{ip}`, { pathParams: { ip }, options });
  }

  /**
   * Assigns several IPs to the account, all checked first. `POST /v2/accounts/{ACCOUNT_ID}/ips`
   *
   * @throws InvalidArgumentError (before any request) when `ips` is empty or holds something other than IP addresses
   * @throws BadRequestError when one is unknown, already the account's, or another account's (then none is assigned)
   */
  assign(ips: readonly string[], options?: CallOptions): APIPromise<IpAssignmentResult> {
    return APIPromise.after(checkBody(LIST, { ips }, 'full', 'ips'), () => this.call('POST', PATH, { data: { ips }, options }));
  }

  /**
   * Releases several IPs of the account, all checked first. `DELETE /v2/accounts/{ACCOUNT_ID}/ips`
   *
   * @throws InvalidArgumentError (before any request) when `ips` is empty or holds something other than IP addresses
   * @throws BadRequestError when one is unknown or not the account's
   */
  release(ips: readonly string[], options?: CallOptions): APIPromise<IpAssignmentResult> {
    return APIPromise.after(checkBody(LIST, { ips }, 'full', 'ips'), () => this.call('DELETE', PATH, { data: { ips }, options }));
  }

  /** The IPs assigned to the account. `GET /v2/accounts/{ACCOUNT_ID}/ips/assigned` */
  assigned(options?: CallOptions): APIPromise<IpSummary[]> {
    return this.call('GET', `${PATH}/assigned`, { options });
  }

  /** The zones of the system's IPs. `GET /v2/accounts/{ACCOUNT_ID}/ips/zones` */
  zones(options?: CallOptions): APIPromise<string[]> {
    return this.call('GET', `${PATH}/zones`, { options });
  }

  /** The proxy hosts of the system's IPs. `GET /v2/accounts/{ACCOUNT_ID}/ips/hosts` */
  hosts(options?: CallOptions): APIPromise<string[]> {
    return this.call('GET', `${PATH}/hosts`, { options });
  }

  /**
   * Adds an IP to the system's pool (`available`). `PUT /v2/ips`
   *
   * @throws InvalidArgumentError (before any request) when `ip`, `zone` or `host` is missing or `ip` is not an address
   * @throws ForbiddenError unless the login is the system's super-duper admin
   */
  create(ip: IpCreateParams, options?: CallOptions): APIPromise<Ip> {
    return APIPromise.after(checkBody(CREATE, ip, 'full', 'ip'), () => this.call('PUT', 'ips', { data: ip, options }));
  }
}

export type { Ip, IpAssignmentResult, IpCreateParams, IpListParams, IpSummary } from '../schemas/ips.js';
