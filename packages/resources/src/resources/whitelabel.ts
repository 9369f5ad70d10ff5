import { type BinaryResponse, type CallOptions, InvalidArgumentError, type RawBody } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { checkBody, ResourceBase } from '../internal/resource-base.js';
import type { Whitelabel, WhitelabelCreateParams, WhitelabelDomains, WhitelabelDomainsCheck } from '../schemas/whitelabel.js';

const WHITELABEL = 'accounts/{account_id}/whitelabel';
const BY_DOMAIN = `${WHITELABEL}/{domain}`;
const SCHEMAS = lazy(async () => {
  const m = await import('../schemas/whitelabel.js');
  return { document: m.WhitelabelSchema, summary: m.WhitelabelSchema };
});
const IMAGE = /^(image\/[\w.+-]+|application\/x-base64)$/i;

/** Which branding file: the portal's `logo`, its `icon` (favicon) or its `welcome` page (HTML). */
export type WhitelabelFile = 'logo' | 'icon' | 'welcome';

function checkFile(kind: WhitelabelFile, body: unknown, contentType: unknown): string {
  const isBlob = typeof Blob !== 'undefined' && body instanceof Blob;
  const raw =
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer ||
    isBlob ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) ||
    (typeof body === 'string' && kind === 'welcome');
  if (!raw)
    throw new InvalidArgumentError('file', `the ${kind} must be raw bytes (Uint8Array, ArrayBuffer, Blob or ReadableStream), not JSON`);
  const type = typeof contentType === 'string' ? contentType : isBlob ? (body as Blob).type : kind === 'welcome' ? 'text/html' : '';
  const bare = type.split(';')[0]?.trim() ?? '';
  const ok = kind === 'welcome' ? bare.toLowerCase() === 'text/html' : IMAGE.test(bare);
  if (!ok) {
    const expected = kind === 'welcome' ? 'text/html' : 'an image type such as image/png';
    throw new InvalidArgumentError('contentType', `the ${kind}'s contentType must be ${expected}, got ${JSON.stringify(type)}`);
  }
  return type;
}

function checkDomain(domain: unknown): string {
  if (typeof domain !== 'string' || domain.trim() === '' || domain.includes('/')) {
    throw new InvalidArgumentError('domain', `domain must be a host name such as "portal.example.com", got ${JSON.stringify(domain)}`);
  }
  return domain;
}

/**
 * The account's branding for the portal: `/v2/accounts/{ACCOUNT_ID}/whitelabel` — one document
 * per account (company name, domain, what to hide, port authority) plus three files: a logo, an
 * icon and an HTML welcome page. A portal finds its branding by domain before anyone logs in
 * (`getByDomain`, `file(kind, { domain })`).
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * await audian.whitelabel.create({ company_name: 'Acme Voice', domain: 'portal.acme.example' });
 * await audian.whitelabel.upload('logo', await readFile('logo.png'), 'image/png');
 * const dns = await audian.whitelabel.domains(); // the records portal.acme.example needs
 * ```
 */
export class WhitelabelSettings extends ResourceBase {
  /**
   * Reads the branding. `GET /v2/accounts/{ACCOUNT_ID}/whitelabel`
   *
   * @throws NotFoundError when the account has none
   */
  get(options?: CallOptions): APIPromise<Whitelabel> {
    return this.call('GET', WHITELABEL, { options });
  }

  /**
   * Creates the branding; its `domain` must not be another account's.
   * `PUT /v2/accounts/{ACCOUNT_ID}/whitelabel`
   *
   * @throws InvalidArgumentError (before any request) when a field has the wrong type
   */
  create(whitelabel: WhitelabelCreateParams, options?: CallOptions): APIPromise<Whitelabel> {
    return APIPromise.after(checkBody(SCHEMAS, whitelabel, 'full', 'whitelabel'), () =>
      this.call('PUT', WHITELABEL, { data: whitelabel, options }),
    );
  }

  /**
   * Replaces the branding (fields not sent are deleted; the files stay).
   * `POST /v2/accounts/{ACCOUNT_ID}/whitelabel`
   *
   * @throws InvalidArgumentError (before any request) when a field has the wrong type
   */
  update(whitelabel: WhitelabelCreateParams, options?: CallOptions): APIPromise<Whitelabel> {
    return APIPromise.after(checkBody(SCHEMAS, whitelabel, 'full', 'whitelabel'), () =>
      this.call('POST', WHITELABEL, { data: whitelabel, options }),
    );
  }

  /** Deletes the branding and its files. `DELETE /v2/accounts/{ACCOUNT_ID}/whitelabel` */
  delete(options?: CallOptions): APIPromise<Whitelabel> {
    return this.call('DELETE', WHITELABEL, { options });
  }

  /**
   * Downloads the account's logo, icon or welcome page.
   * `GET /v2/accounts/{ACCOUNT_ID}/whitelabel/logo`, `GET /v2/accounts/{ACCOUNT_ID}/whitelabel/icon`,
   * `GET /v2/accounts/{ACCOUNT_ID}/whitelabel/welcome`; with `{ domain }`, the file of the
   * account branded with that domain: `GET /v2/accounts/{ACCOUNT_ID}/whitelabel/{WHITELABEL_DOMAIN}/logo`,
   * `GET /v2/accounts/{ACCOUNT_ID}/whitelabel/{WHITELABEL_DOMAIN}/icon`,
   * `GET /v2/accounts/{ACCOUNT_ID}/whitelabel/{WHITELABEL_DOMAIN}/welcome`
   *
   * @throws InvalidArgumentError (before any request) for an unknown kind
   * @throws NotFoundError when no such file was uploaded
   */
  file(kind: WhitelabelFile, params: { readonly domain?: string } = {}, options?: CallOptions): APIPromise<BinaryResponse> {
    return APIPromise.run(() => {
      const which = checkKind(kind);
      const accept = which === 'welcome' ? 'text/html' : 'image/*';
      if (params.domain === undefined) return this.fetchBinary(`${WHITELABEL}/${which}`, { accept, options });
      return this.fetchBinary(`${BY_DOMAIN}/${which}`, { pathParams: { domain: checkDomain(params.domain) }, accept, options });
    });
  }

  /**
   * Uploads (or replaces) the logo, icon (images) or welcome page (`text/html`) as raw bytes.
   * `POST /v2/accounts/{ACCOUNT_ID}/whitelabel/logo`, `POST /v2/accounts/{ACCOUNT_ID}/whitelabel/icon`,
   * `POST /v2/accounts/{ACCOUNT_ID}/whitelabel/welcome`
   *
   * @throws InvalidArgumentError (before any request) when the body is not raw bytes or the type does not fit the kind
   */
  upload(kind: WhitelabelFile, file: RawBody | string, contentType?: string, options?: CallOptions): APIPromise<Whitelabel> {
    return APIPromise.run(() => {
      const which = checkKind(kind);
      const type = checkFile(which, file, contentType);
      return this.call('POST', `${WHITELABEL}/${which}`, { body: file as RawBody, contentType: type, options });
    });
  }

  /**
   * The branding of the account whose whitelabel `domain` this is (with an account in the URL,
   * Crossbar answers that account's own). `GET /v2/accounts/{ACCOUNT_ID}/whitelabel/{WHITELABEL_DOMAIN}`
   */
  getByDomain(domain: string, options?: CallOptions): APIPromise<Whitelabel> {
    return APIPromise.run(() => this.call('GET', BY_DOMAIN, { pathParams: { domain: checkDomain(domain) }, options }));
  }

  /**
   * The DNS records the account's white-label domain needs (or `domain`'s, before the branding
   * exists). `GET /v2/accounts/{ACCOUNT_ID}/whitelabel/domains`
   */
  domains(params: { readonly domain?: string } = {}, options?: CallOptions): APIPromise<WhitelabelDomains> {
    return this.call('GET', `${WHITELABEL}/domains`, { query: { domain: params.domain }, options });
  }

  /**
   * Looks the records up in DNS and answers, per host, what is expected and what DNS says.
   * `POST /v2/accounts/{ACCOUNT_ID}/whitelabel/domains`
   */
  testDomains(params: { readonly domain?: string } = {}, options?: CallOptions): APIPromise<WhitelabelDomainsCheck> {
    return this.call('POST', `${WHITELABEL}/domains`, { query: { domain: params.domain }, data: {}, options });
  }

  /**
   * Sets the system-wide record templates (`{{domain}}` stands for each account's domain); super
   * admins only. `POST /v2/whitelabel/domains`
   *
   * @throws ForbiddenError for any other login
   */
  setSystemDomains(domains: WhitelabelDomains, options?: CallOptions): APIPromise<WhitelabelDomains> {
    return this.call('POST', 'whitelabel/domains', { data: domains, options });
  }
}

function checkKind(kind: unknown): WhitelabelFile {
  if (kind !== 'logo' && kind !== 'icon' && kind !== 'welcome') {
    throw new InvalidArgumentError('kind', `kind must be "logo", "icon" or "welcome", got ${JSON.stringify(kind)}`);
  }
  return kind;
}

export type {
  Whitelabel,
  WhitelabelCreateParams,
  WhitelabelDomainHost,
  WhitelabelDomains,
  WhitelabelDomainsCheck,
  WhitelabelPatchParams,
} from '../schemas/whitelabel.js';
