import { WhitelabelSchema } from '@audian/resources/schemas';
import { requireSuperDuperAdmin } from '../billing-rights';
import { decodeUpload, isBinaryUpload } from '../binary-body';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifierList, CrossbarError, type FieldErrors, mergeFieldErrors, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject, publicDoc } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';

/** The branding document's fixed id in the account (`cb_whitelabel`'s `?WHITELABEL_ID`). */
const WHITELABEL_ID = 'whitelabel';
type Kind = 'logo' | 'icon' | 'welcome';
const KINDS: readonly Kind[] = ['logo', 'icon', 'welcome'];

/** `cb_whitelabel`'s accepted upload types: images (and base64) for the logo, icon types too for the icon, HTML for the welcome page. */
const ACCEPTS: Readonly<Record<Kind, RegExp>> = {
  logo: /^image\/[\w.+-]+$/,
  icon: /^image\/[\w.+-]+$/,
  welcome: /^text\/html$/,
};
const MISSING_FILE: Readonly<Record<Kind, string>> = {
  logo: 'Please provide an image file',
  icon: 'Please provide an image file',
  welcome: 'Please provide an html file',
};

/**
 * The record templates a white-label domain needs (KAZOO keeps them in the `whitelabel` system
 * config, `domains`); `{{domain}}` stands for the account's domain. The sandbox's own set.
 */
const SYSTEM_DOMAINS: JsonObject = {
  A: { 'sip.{{domain}}': { mapping: ['127.0.0.1'], name: 'SIP proxy', zone: 'local' } },
  CNAME: {
    'api.{{domain}}': { mapping: ['api.sandbox.local'], name: 'API' },
    'portal.{{domain}}': { mapping: ['portal.sandbox.local'], name: 'Web portal' },
  },
  MX: {},
  NAPTR: { 'sip.{{domain}}': { mapping: ['10 100 "S" "SIP+D2U" "" _sip._udp.sip.{{domain}}'], name: 'SIP NAPTR' } },
  SRV: { '_sip._udp.sip.{{domain}}': { mapping: ['10 10 5060 sip.{{domain}}'], name: 'SIP SRV' } },
  TXT: {},
};

/** The branding: one document per account, its `domain` unique in the system (`cb_whitelabel:is_domain_unique/2`). */
export const WHITELABEL: ResourceDef = {
  name: 'whitelabel',
  type: 'whitelabel',
  schema: WhitelabelSchema,
  // `cb_whitelabel:validate_unique_domain/2` runs before `check_whitelabel_schema/2`.
  uniqueChecked: 'beforeSchema',
  collectionVerbs: ['GET', 'PUT', 'POST', 'DELETE'],
  itemVerbs: [],
  summary: (doc) => publicDoc(doc),
  sortKey: () => WHITELABEL_ID,
  claims(doc) {
    if (typeof doc.domain !== 'string' || doc.domain === '') return [];
    return [
      {
        kind: 'whitelabel_domain',
        value: doc.domain.toLowerCase(),
        scope: 'global',
        error: () => ({ domain: { unique: { message: 'White label domain is already in use', cause: doc.domain } } }),
      },
    ];
  },
};

function load(engine: Engine, accountId: string): StoredDoc {
  return engine.docs.load(accountId, WHITELABEL, WHITELABEL_ID);
}

function reply(doc: StoredDoc, status = 200): Reply {
  const rev = String(doc.body._rev ?? 'undefined');
  return { status, data: publicDoc(doc.body), envelope: { revision: rev }, headers: { etag: `"${rev}"` } };
}

/** The account branded with `domain` (`accounts/list_by_whitelabel_domain`), or 404 naming the domain. */
function accountOfDomain(engine: Engine, domain: string): string {
  const holder = engine.store.claimant({ scope: '', kind: 'whitelabel_domain', value: domain.toLowerCase() });
  if (!holder) throw new CrossbarError(404, 'bad_identifier', { cause: domain, message: 'bad identifier' });
  return holder.accountId;
}

/** `cb_whitelabel:whitelabel_attachment_id/2`: the stored file whose name starts with the kind. */
function fileName(doc: StoredDoc, kind: Kind): string | undefined {
  const names = Object.keys(isObject(doc.body._attachments) ? doc.body._attachments : {});
  return names.find((name) => name.startsWith(kind));
}

function download(engine: Engine, doc: StoredDoc, kind: Kind): Reply {
  const name = fileName(doc, kind);
  const file = name ? engine.store.attachment(doc.accountId, doc.id, name) : undefined;
  if (!name || !file) throw badIdentifierList(kind);
  return { raw: { body: file.data, contentType: file.contentType }, headers: { 'content-disposition': `attachment; filename=${name}` } };
}

/** `cb_whitelabel:update_whitelabel_binary/3`: the old file of that kind is replaced by `<kind>-<name>`. */
function upload(engine: Engine, req: SandboxRequest, accountId: string, kind: Kind): Reply {
  const doc = load(engine, accountId);
  const file = decodeUpload(req);
  if (file.data.length === 0) throw validationError({ file: { required: { message: MISSING_FILE[kind] } } });
  if (!ACCEPTS[kind].test(file.contentType)) {
    // Cowboy refuses a type `content_types_accepted/2` does not list with a bare 415.
    throw new CrossbarError(415, 'unsupported_media_type', { message: 'unsupported media type', cause: file.contentType });
  }
  const attachments = { ...(isObject(doc.body._attachments) ? doc.body._attachments : {}) } as JsonObject;
  const old = fileName(doc, kind);
  if (old) {
    delete attachments[old];
    engine.store.deleteAttachment(accountId, doc.id, old);
  }
  const ext = file.contentType.split('/')[1]?.replace(/^x-/, '') ?? 'bin';
  const name = `${kind}-uploaded_file.${ext}`;
  engine.store.putAttachment(accountId, doc.id, name, file.contentType, file.data);
  attachments[name] = { content_type: file.contentType, length: file.data.length };
  const saved = engine.docs.save(WHITELABEL, doc, {
    ...doc.body,
    content_type: file.contentType,
    content_length: file.data.length,
    _attachments: attachments,
  });
  return reply(saved);
}

/**
 * `cb_whitelabel:find_domain/1`: the `domain` of the request, else the branding's. With no account
 * in the path (`/v2/whitelabel/domains`) there is no branding to load (`crossbar_doc:load/4` of a
 * context with no database), so only the request's `domain` will do.
 */
function domainOf(engine: Engine, req: SandboxRequest, accountId: string | undefined): string {
  const given = req.query.domain ?? (isObject(req.data) && typeof req.data.domain === 'string' ? req.data.domain : undefined);
  if (given) return given;
  const existing = accountId === undefined ? undefined : engine.store.get(accountId, WHITELABEL_ID);
  const domain = existing && !existing.deleted ? existing.body.domain : undefined;
  if (typeof domain === 'string' && domain !== '') return domain;
  throw validationError({
    domain: { required: { message: 'No domain found to use. Supply one on the request or create one via the whitelabel API' } },
  });
}

/** Where `POST /v2/whitelabel/domains` keeps the system's domains (the `whitelabel` system config's `domains`). */
const DOMAINS_KEY = 'whitelabel_domains';

/** `cb_whitelabel:system_domains/0`: the saved system domains, else the defaults. */
function systemDomains(engine: Engine): JsonObject {
  const raw = engine.store.meta(DOMAINS_KEY);
  return raw ? (JSON.parse(raw) as JsonObject) : SYSTEM_DOMAINS;
}

/**
 * `kzd_domains:format/2`: every host and mapping with the domain put in (`binary:replace/3`, so
 * the first `{{domain}}` of each only), `mapping` defaulting to an empty list.
 */
function domainsFor(engine: Engine, domain: string): JsonObject {
  const put = (text: string) => text.replace('{{domain}}', domain);
  const out: JsonObject = {};
  for (const [type, hosts] of Object.entries(systemDomains(engine))) {
    const formatted: JsonObject = {};
    for (const [host, config] of Object.entries(isObject(hosts) ? hosts : {})) {
      const c = isObject(config) ? config : {};
      const mapping = Array.isArray(c.mapping) ? c.mapping : [];
      formatted[put(host)] = { ...c, mapping: mapping.map((m) => (typeof m === 'string' ? put(m) : m)) };
    }
    out[type] = formatted;
  }
  return out;
}

const escapeKey = (key: string) => key.replaceAll('.', '%2E');
const typeError = (target: string, value: unknown) => ({ type: { message: `Value did not match type(s): ${target}`, target, value } });

/**
 * The `domains` schema (with `domain_hosts` for `CNAME`): each record type an object; each `CNAME`
 * host a template holding `{{domain}}` (no other key allowed), with `mapping` (a non-empty list of
 * strings) and `name` (a string).
 */
function domainsErrors(data: JsonObject): FieldErrors {
  const errors: FieldErrors = {};
  for (const type of ['A', 'CNAME', 'MX', 'NAPTR', 'SRV', 'TXT']) {
    const value = data[type];
    if (value === undefined) continue;
    if (!isObject(value)) {
      mergeFieldErrors(errors, { [type]: typeError('object', value) });
      continue;
    }
    if (type !== 'CNAME') continue;
    for (const [host, config] of Object.entries(value)) {
      const at = `CNAME.${escapeKey(host)}`;
      if (!/[{]{2}domain[}]{2}/.test(host)) {
        const message = 'Strict checking of data is enabled; only include schema-defined properties';
        mergeFieldErrors(errors, { [at]: { additionalProperties: { message } } });
        continue;
      }
      if (!isObject(config)) {
        mergeFieldErrors(errors, { [at]: typeError('object', config) });
        continue;
      }
      for (const key of ['mapping', 'name']) {
        if (config[key] === undefined) {
          mergeFieldErrors(errors, { [`${at}.${key}`]: { required: { message: 'Field is required but missing', value: config } } });
        }
      }
      const { mapping, name } = config;
      if (mapping !== undefined && !Array.isArray(mapping)) mergeFieldErrors(errors, { [`${at}.mapping`]: typeError('array', mapping) });
      if (Array.isArray(mapping)) {
        if (mapping.length < 1) {
          const minItems = { message: 'The list must have at least 1 items', target: 1, value: mapping };
          mergeFieldErrors(errors, { [`${at}.mapping`]: { minItems } });
        }
        for (const [i, m] of mapping.entries()) {
          if (typeof m !== 'string') mergeFieldErrors(errors, { [`${at}.mapping.${i}`]: typeError('string', m) });
        }
      }
      if (name !== undefined && typeof name !== 'string') mergeFieldErrors(errors, { [`${at}.name`]: typeError('string', name) });
    }
  }
  return errors;
}

/**
 * `POST /v2/whitelabel/domains` (`cb_whitelabel:authorize/2`, `edit_domains/1`): a super-duper
 * admin's only (403 otherwise). `kzd_domains:save/2` checks the request against the `domains`
 * schema, stores it as the system's domains (replacing them) and answers them; every account's
 * `GET …/whitelabel/domains` is formatted from them from then on.
 */
function editDomains(engine: Engine, req: SandboxRequest): Reply {
  requireSuperDuperAdmin(engine, req.auth);
  const data = isObject(req.data) ? req.data : {};
  const errors = domainsErrors(data);
  if (Object.keys(errors).length > 0) throw validationError(errors);
  engine.store.setMeta(DOMAINS_KEY, JSON.stringify(data));
  return { data };
}

/**
 * `cb_whitelabel:test_account_domains/2`: what each host should resolve to beside what DNS
 * answers. The sandbox makes no DNS queries, so `actual` is always empty.
 */
function testDomains(engine: Engine, domain: string): JsonObject {
  const out: JsonObject = {};
  for (const [type, hosts] of Object.entries(domainsFor(engine, domain))) {
    const tested: JsonObject = {};
    for (const [host, config] of Object.entries(hosts as JsonObject)) {
      const c = config as JsonObject;
      tested[host] = { expected: c.mapping, actual: [], name: c.name };
    }
    out[type] = tested;
  }
  return out;
}

function document(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  switch (req.method) {
    case 'GET':
      return reply(load(engine, accountId));
    case 'PUT': {
      const existing = engine.store.get(accountId, WHITELABEL_ID);
      // The id is fixed, so a second PUT is a CouchDB conflict.
      if (existing && !existing.deleted) throw new CrossbarError(409, 'datastore_conflict', { message: 'conflicting documents' });
      return reply(engine.docs.create(WHITELABEL, accountId, req.data, { id: WHITELABEL_ID }), 201);
    }
    case 'POST':
      return reply(engine.docs.replace(WHITELABEL, accountId, WHITELABEL_ID, req.data));
    default: {
      // `crossbar_doc:delete(Context, ?HARD_DELETE)`: the files go with it.
      const doc = load(engine, accountId);
      for (const name of Object.keys(isObject(doc.body._attachments) ? doc.body._attachments : {})) {
        engine.store.deleteAttachment(accountId, doc.id, name);
      }
      engine.docs.remove(WHITELABEL, accountId, WHITELABEL_ID);
      return { data: publicDoc(doc.body) };
    }
  }
}

/** `cb_whitelabel`: the account's branding, its files (also found by domain, without a login) and DNS domains. */
export const whitelabelModule = defineModule({
  name: 'whitelabel',
  routes: [
    route('accounts/:account/whitelabel', ['GET', 'PUT', 'POST', 'DELETE'], ({ engine, req, accountId }) =>
      document(engine, req, accountId),
    ),
    // `cb_whitelabel:authenticate/2,3`: every GET below the document is answered without a login.
    ...KINDS.flatMap((kind) => [
      route(`accounts/:account/whitelabel/${kind}`, ['GET'], ({ engine, accountId }) => download(engine, load(engine, accountId), kind), {
        public: true,
      }),
      route(`accounts/:account/whitelabel/${kind}`, ['POST'], ({ engine, req, accountId }) => upload(engine, req, accountId, kind), {
        binary: isBinaryUpload,
      }),
      route(
        `accounts/:account/whitelabel/:domain/${kind}`,
        ['GET'],
        ({ engine, params }) => {
          const owner = accountOfDomain(engine, params.domain);
          return download(engine, load(engine, owner), kind);
        },
        { public: true },
      ),
    ]),
    route(
      'accounts/:account/whitelabel/domains',
      ['GET'],
      ({ engine, req, accountId }) => ({ data: domainsFor(engine, domainOf(engine, req, accountId)) }),
      {
        public: true,
      },
    ),
    route('accounts/:account/whitelabel/domains', ['POST'], ({ engine, req, accountId }) => ({
      data: testDomains(engine, domainOf(engine, req, accountId)),
    })),
    // With an account in the URL, `cb_whitelabel:validate_domain/3` answers that account's own branding.
    route('accounts/:account/whitelabel/:domain', ['GET'], ({ engine, accountId }) => reply(load(engine, accountId)), { public: true }),
    route('whitelabel/domains', ['POST'], ({ engine, req }) => editDomains(engine, req)),
    // `cb_whitelabel:authenticate/2` lets every GET of one path token through without a login, and
    // `load_domains/1` formats the system domains with the request's domain.
    route('whitelabel/domains', ['GET'], ({ engine, req }) => ({ data: domainsFor(engine, domainOf(engine, req, undefined)) }), {
      public: true,
    }),
  ],
});
