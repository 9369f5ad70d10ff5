import { type CallOptions, InvalidArgumentError } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { ResourceBase } from '../internal/resource-base.js';
import { QUICKCALL_ENDPOINT_TYPES, type QuickcallEndpointType, type QuickcallQuery } from '../schemas/quickcall.js';

const PATH = 'accounts/{account_id}/{type}/{id}/quickcall/{number}';

function checkType(endpointType: QuickcallEndpointType): void {
  if (!(QUICKCALL_ENDPOINT_TYPES as readonly string[]).includes(endpointType)) {
    throw new InvalidArgumentError('endpointType', `endpointType must be one of ${QUICKCALL_ENDPOINT_TYPES.join(', ')}`);
  }
}

/**
 * Quickcall: rings an endpoint (a user's devices, or one device) and, when it answers, calls a
 * number — `/v2/accounts/{ACCOUNT_ID}/{ENDPOINT_TYPE}/{ENDPOINT_ID}/quickcall/{NUMBER}`.
 * (`users.quickcall()` and `devices.quickcall()` are the same for one endpoint type.)
 *
 * @example
 * ```ts
 * await audian.quickcall.originate('users', userId, '+14155550100', { auto_answer: true });
 * const placed = await audian.quickcall.originateAndWait('devices', deviceId, '1002');
 * ```
 */
export class Quickcall extends ResourceBase {
  /**
   * Starts the call and answers at once (202, the originate request).
   * `GET /v2/accounts/{ACCOUNT_ID}/{ENDPOINT_TYPE}/{ENDPOINT_ID}/quickcall/{NUMBER}`
   *
   * @throws InvalidArgumentError (before any request) for an endpoint type other than users/devices
   */
  originate(
    endpointType: QuickcallEndpointType,
    endpointId: string,
    number: string,
    query?: QuickcallQuery,
    options?: CallOptions,
  ): APIPromise<unknown> {
    checkType(endpointType);
    return this.call('GET', PATH, { pathParams: { type: endpointType, id: endpointId, number }, query, options });
  }

  /**
   * Starts the call and answers once the switch accepted it (202, request and call id).
   * `POST /v2/accounts/{ACCOUNT_ID}/{ENDPOINT_TYPE}/{ENDPOINT_ID}/quickcall/{NUMBER}`
   *
   * @throws InvalidArgumentError (before any request) for an endpoint type other than users/devices
   */
  originateAndWait(
    endpointType: QuickcallEndpointType,
    endpointId: string,
    number: string,
    query?: QuickcallQuery,
    options?: CallOptions,
  ): APIPromise<unknown> {
    checkType(endpointType);
    return this.call('POST', PATH, { pathParams: { type: endpointType, id: endpointId, number }, query, options });
  }
}

export type { QuickcallEndpointType, QuickcallQuery } from '../schemas/quickcall.js';
