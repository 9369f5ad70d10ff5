import { PhoneNumbersSchema } from '@audian/resources/schemas';
import { treeOf } from '../accounts-def';
import { envelopeFlag, type Reply, type SandboxRequest } from '../context';
import { CrossbarError, validationError } from '../crossbar-error';
import { toE164 } from '../e164';
import type { Engine } from '../engine';
import { compileFilter } from '../filters';
import { compact, deepMerge, isObject, type JsonObject, publicDoc } from '../json';
import { pageParams, paginate, rowLimit } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route, unservedRoute } from '../sandbox-module';
import type { StoredDoc } from '../store';

/** E.164 for what Crossbar can reconcile (`+…`, 10-digit NANP, 11-digit NANP with the 1). */
export function normalizeNumber(raw: string): string | undefined {
  const s = raw.trim().replace(/[\s().-]/g, '');
  if (/^\+[1-9]\d{6,14}$/.test(s)) return s;
  if (/^[2-9]\d{9}$/.test(s)) return `+1${s}`;
  if (/^1[2-9]\d{9}$/.test(s)) return `+${s}`;
  return undefined;
}

function featureList(features: unknown): string[] {
  if (Array.isArray(features)) return features.filter((f): f is string => typeof f === 'string');
  return isObject(features) ? Object.keys(features) : [];
}

/** Crossbar renames these filters to the private fields they read (`rename_qs_filters/1`). */
const RENAMED_FILTERS: Readonly<Record<string, string>> = {
  filter_state: 'filter_pvt_state',
  filter_assigned_to: 'filter_pvt_assigned_to',
  filter_locality: 'filter_pvt_locality',
};

const STATES = new Set(['aging', 'available', 'deleted', 'discovery', 'in_service', 'port_in', 'port_out', 'released', 'reserved']);

/** Phone numbers: one document per E.164 number in the owning account, claimed system-wide. */
export const PHONE_NUMBERS: ResourceDef = {
  name: 'phone_numbers',
  type: 'number',
  schema: PhoneNumbersSchema,
  collectionVerbs: ['GET'],
  itemVerbs: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'],
  // The `phone_numbers/crossbar_listing` view's value, plus `features_available` as Crossbar adds it.
  summary: (doc) =>
    compact({
      state: doc.pvt_state,
      features: featureList(doc.pvt_features),
      features_allowed: doc.pvt_features_allowed ?? [],
      features_denied: doc.pvt_features_denied ?? [],
      assigned_to: doc.pvt_assigned_to,
      used_by: doc.pvt_used_by,
      created: doc.pvt_created,
      updated: doc.pvt_modified,
      locality: doc.pvt_locality,
      features_available: [],
    }),
  sortKey: (doc) => String(doc._id),
  claims: (doc) => (doc._id ? [{ kind: 'phone_number', value: String(doc._id), scope: 'global', error: () => ({}) }] : []),
  view: (doc) => doc,
};

/** `used_by: "callflow"` when a callflow of the account routes the number (what number assignment records). */
function withUsage(engine: Engine, accountId: string, doc: JsonObject, out: JsonObject): JsonObject {
  if (out.used_by !== undefined) return out;
  const holder = engine.store.claimant({ scope: accountId, kind: 'number', value: String(doc._id) });
  return holder ? { ...out, used_by: 'callflow' } : out;
}

function numberView(body: JsonObject): JsonObject {
  const out = publicDoc(body);
  delete out.create_with_state;
  const readOnly: JsonObject = { created: body.pvt_created, modified: body.pvt_modified, state: body.pvt_state };
  if (Array.isArray(body.pvt_features) && body.pvt_features.length > 0) {
    readOnly.features = body.pvt_features;
    out.features = body.pvt_features;
  }
  return { ...out, _read_only: readOnly, state: body.pvt_state };
}

function numberReply(doc: StoredDoc, status = 200, headers?: Record<string, string>): Reply {
  return { status, data: numberView(doc.body), envelope: { revision: String(doc.body._rev ?? 'undefined') }, headers };
}

function notReconcilable(raw: string): CrossbarError {
  return new CrossbarError(404, 'not_reconcilable', {
    cause: raw,
    code: 404,
    error: 'not_reconcilable',
    message: `number ${raw} is not reconcilable`,
  });
}

function notInAccount(): CrossbarError {
  return new CrossbarError(404, 'bad_identifier', { message: 'bad identifier', not_found: 'The number could not be found' });
}

function owned(engine: Engine, accountId: string, number: string): StoredDoc {
  const doc = engine.store.get(accountId, number);
  if (!doc || doc.deleted || doc.type !== 'number') throw notInAccount();
  return doc;
}

/** Made-up numbers for a search, stable for a prefix. */
function available(prefix: string, quantity: number, offset: number): JsonObject[] {
  const digits = prefix.replace(/\D/g, '').replace(/^1(?=\d{3})/, '');
  const npa = (digits + '415').slice(0, 3);
  const out: JsonObject[] = [];
  for (let i = 0; i < quantity; i++) {
    const line = String(5550100 + offset + i).slice(-7);
    const ten = `${npa}${digits.slice(3, 10)}${line}`.slice(0, 10);
    const e164 = `+1${ten}`;
    out.push({
      e164,
      formatted_number: `1-${ten.slice(0, 3)}-${ten.slice(3, 6)}-${ten.slice(6)}`,
      npa_nxx: ten.slice(0, 6),
      number: e164,
      status: 'Available',
      ten_digit: ten,
    });
  }
  return out;
}

/** `GET /v2/phone_numbers?prefix=…&quantity=…` (and the same under an account): numbers one could acquire. */
function searchNumbers(req: SandboxRequest): Reply {
  const quantity = Math.min(Math.max(Number.parseInt(req.query.quantity ?? '1', 10) || 1, 1), 100);
  const offset = Math.max(Number.parseInt(req.query.offset ?? '0', 10) || 0, 0);
  return { data: available(req.query.prefix ?? '', quantity, offset), envelope: { revision: 'automatic' } };
}

/** `GET /v2/accounts/{ACCOUNT_ID}/phone_numbers`: the object-shaped listing `{numbers: {…}, cascade_quantity}`. */
function listNumbers(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  if (req.query.prefix !== undefined) return searchNumbers(req);
  const params = pageParams(req);
  const query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [RENAMED_FILTERS[k] ?? k, v]));
  const filter = compileFilter(query);
  const page = paginate(
    engine.store.rows(accountId, PHONE_NUMBERS.type, '', params.direction, params.from, rowLimit(params, filter)),
    params,
    filter,
    (doc) => [String(doc._id), withUsage(engine, accountId, doc, PHONE_NUMBERS.summary(doc) as JsonObject)] as const,
  );
  const numbers: JsonObject = {};
  for (const [number, summary] of page.items) numbers[number] = summary;
  return { data: { numbers, cascade_quantity: 0 }, envelope: { ...page.envelope, revision: 'automatic' } };
}

function acquire(engine: Engine, req: SandboxRequest, accountId: string, number: string, raw: string, state: string): Reply {
  const holder = engine.store.claimant({ scope: '', kind: 'phone_number', value: number });
  if (holder) {
    const existing = engine.store.get(holder.accountId, number);
    if (existing && !existing.deleted) {
      throw new CrossbarError(409, 'number_exists', {
        cause: raw,
        code: 409,
        error: 'number_exists',
        message: `number ${raw} already exists`,
      });
    }
  }
  const data = isObject(req.data) ? req.data : {};
  const wanted = typeof data.create_with_state === 'string' && STATES.has(data.create_with_state) ? data.create_with_state : state;
  const doc = engine.docs.create(PHONE_NUMBERS, accountId, data, {
    id: number,
    private: { pvt_state: wanted, pvt_assigned_to: accountId, pvt_features: ['local'], pvt_module_name: 'knm_local' },
    beforeSave: (after) =>
      engine.checkCharges(
        { accountId, resource: 'phone_numbers', type: PHONE_NUMBERS.type, before: undefined, after },
        envelopeFlag(req, 'accept_charges'),
      ),
  });
  return numberReply(doc, 201, { location: req.path });
}

/** `/v2/accounts/{ACCOUNT_ID}/phone_numbers/{NUMBER}[/activate|/reserve]`. */
function numberItem(engine: Engine, req: SandboxRequest, accountId: string, raw: string, action?: string): Reply {
  const number = normalizeNumber(raw);
  if (!number) throw notReconcilable(raw);
  if (action === 'activate' || action === 'reserve') {
    const state = action === 'activate' ? 'in_service' : 'reserved';
    const existing = engine.store.get(accountId, number);
    if (!existing || existing.deleted) return acquire(engine, req, accountId, number, raw, state);
    return numberReply(engine.docs.save(PHONE_NUMBERS, existing, { ...existing.body, pvt_state: state }));
  }
  switch (req.method) {
    case 'PUT':
      return acquire(engine, req, accountId, number, raw, 'reserved');
    case 'GET':
      return numberReply(owned(engine, accountId, number));
    case 'POST':
      owned(engine, accountId, number);
      return numberReply(engine.docs.replace(PHONE_NUMBERS, accountId, number, req.data));
    case 'PATCH':
      owned(engine, accountId, number);
      return numberReply(engine.docs.patch(PHONE_NUMBERS, accountId, number, req.data, deepMerge));
    default: {
      const doc = owned(engine, accountId, number);
      const state = req.query.hard === 'true' ? 'deleted' : 'available';
      engine.docs.remove(PHONE_NUMBERS, accountId, number);
      return {
        data: { _read_only: { created: doc.body.pvt_created, modified: engine.clock.gregorian(), state }, id: number, state },
        envelope: { revision: String(doc.body._rev ?? 'undefined') },
      };
    }
  }
}

/**
 * `PUT|POST|PATCH|DELETE …/phone_numbers/collection` and `PUT …/collection/activate`
 * (`cb_phone_numbers`): the single-number operation on each of `numbers` (the other request fields
 * are each number's data). As `set_response/3` does, a collection of one answers like the
 * single-number operation; otherwise `{ success: { <number>: doc }, error: { <number>: reason } }`,
 * `error` being an empty list when nothing failed.
 */
function numberCollection(engine: Engine, req: SandboxRequest, accountId: string, action?: string): Reply {
  const { numbers, ...rest } = isObject(req.data) ? req.data : {};
  // `cb_phone_numbers:validate_collection_request/2`
  if (numbers === undefined || numbers === null) throw validationError({ numbers: { required: { message: 'list of numbers missing' } } });
  if (!Array.isArray(numbers)) throw validationError({ numbers: { type: { message: 'numbers must be a list' } } });
  if (numbers.length === 0) throw validationError({ numbers: { minimum: { message: 'minimum 1 number required' } } });
  const list = numbers.map(String);
  if (new Set(list.map((n) => normalizeNumber(n) ?? n)).size !== list.length) {
    throw validationError({ numbers: { uniqueItems: { message: 'some numbers appear twice' } } });
  }
  const single = { ...req, data: rest };
  if (list.length === 1) return numberItem(engine, single, accountId, list[0] as string, action);
  const success: JsonObject = {};
  const errors: JsonObject = {};
  for (const raw of list) {
    try {
      success[normalizeNumber(raw) ?? raw] = numberItem(engine, single, accountId, raw, action).data;
    } catch (error) {
      if (!(error instanceof CrossbarError)) throw error;
      errors[raw] = error.data;
    }
  }
  return { data: { success, error: Object.keys(errors).length > 0 ? errors : [] }, envelope: { revision: 'automatic' } };
}

/**
 * KAZOO's default number classifiers (`knm_converters:default_classifiers/0`), tried in this order;
 * the listing answers them by name.
 */
const CLASSIFIERS: readonly (readonly [string, JsonObject])[] = [
  ['tollfree_us', { friendly_name: 'US TollFree', pretty_print: 'SS(###) ### - ####', regex: '^\\+1((?:800|888|877|866|855)\\d{7})$' }],
  ['toll_us', { friendly_name: 'US Toll', pretty_print: 'SS(###) ### - ####', regex: '^\\+1(900\\d{7})$' }],
  ['emergency', { friendly_name: 'Emergency Dispatcher', regex: '^(911)$' }],
  [
    'caribbean',
    {
      friendly_name: 'Caribbean',
      pretty_print: 'SS(###) ### - ####',
      regex: '^\\+?1((?:684|264|268|242|246|441|284|345|767|809|829|849|473|671|876|664|670|787|939|869|758|784|721|868|649|340)\\d{7})$',
    },
  ],
  ['did_us', { friendly_name: 'US DID', pretty_print: 'SS(###) ### - ####', regex: '^\\+?1?([2-9][0-9]{2}[2-9][0-9]{6})$' }],
  ['international', { friendly_name: 'International', regex: '^(011\\d*)$|^(00\\d*)$' }],
  ['unknown', { friendly_name: 'Unknown', regex: '^(.*)$' }],
];

/** `GET …/phone_numbers/classifiers[/{number}]` (`cb_phone_numbers`, `knm_converters:classify/1`). */
function classifiers(number?: string): Reply {
  if (number === undefined) {
    const data = Object.fromEntries([...CLASSIFIERS].sort(([a], [b]) => a.localeCompare(b)).map(([name, c]) => [name, { ...c }]));
    return { data, envelope: { revision: 'automatic' } };
  }
  const e164 = toE164(number);
  const [name, classifier] =
    CLASSIFIERS.find(([, c]) => new RegExp(String(c.regex)).test(e164)) ?? (CLASSIFIERS.at(-1) as readonly [string, JsonObject]);
  return { data: { ...classifier, name, number, e164 }, envelope: { revision: 'automatic' } };
}

/**
 * `GET …/phone_numbers/{number}/identify`: the account holding a number the caller may see — 404
 * when none does (or it is out of reach), 400 `not_in_service` when it is not in service.
 */
function identify(engine: Engine, req: SandboxRequest, raw: string): Reply {
  const number = normalizeNumber(raw);
  if (!number) throw notReconcilable(raw);
  const holder = engine.store.claimant({ scope: '', kind: 'phone_number', value: number });
  const doc = holder ? engine.store.get(holder.accountId, number) : undefined;
  const account = holder ? engine.store.get(holder.accountId, holder.accountId) : undefined;
  const auth = req.auth;
  const reachable = holder && auth && (holder.accountId === auth.accountId || (account && treeOf(account.body).includes(auth.accountId)));
  if (!holder || !doc || doc.deleted || !reachable) throw notInAccount();
  if (doc.body.pvt_state !== 'in_service' || account?.body.pvt_enabled === false) {
    throw new CrossbarError(400, 'client error', { account_id: holder.accountId, cause: 'not_in_service' });
  }
  return { data: { account_id: holder.accountId, number }, envelope: { revision: 'automatic' } };
}

/**
 * `POST …/phone_numbers/fix[/{number}]` (`knm_maintenance:fix_account_numbers/1`): the sandbox's
 * numbers never drift from their documents, so fixing re-saves nothing and reports them as they are.
 */
function fix(engine: Engine, accountId: string, raw?: string): Reply {
  if (raw !== undefined) {
    const number = normalizeNumber(raw);
    if (!number) throw notReconcilable(raw);
    return numberReply(owned(engine, accountId, number));
  }
  const numbers: JsonObject = {};
  for (const doc of engine.store.children(accountId, PHONE_NUMBERS.type, '')) {
    if (doc.deleted) continue;
    numbers[doc.id] = compact({
      assigned_to: doc.body.pvt_assigned_to,
      created: doc.body.pvt_created,
      state: doc.body.pvt_state,
      updated: doc.body.pvt_modified,
      used_by: doc.body.pvt_used_by,
    });
  }
  return { data: { cascade_quantity: 0, numbers }, envelope: { revision: 'automatic' } };
}

/** `POST …/phone_numbers/check`: which of `numbers` the sandbox's only carrier (`local`) could still sell. */
function check(engine: Engine, req: SandboxRequest): Reply {
  const given = isObject(req.data) && Array.isArray(req.data.numbers) ? req.data.numbers : undefined;
  if (!given) throw validationError({ numbers: { required: { message: 'Field is required but missing' } } });
  const data: JsonObject = {};
  for (const raw of given) {
    const number = typeof raw === 'string' ? normalizeNumber(raw) : undefined;
    const taken = number !== undefined && engine.store.claimant({ scope: '', kind: 'phone_number', value: number }) !== undefined;
    data[String(raw)] = number && !taken ? 'success' : 'error';
  }
  return { data, envelope: { revision: 'automatic' } };
}

/** `GET …/phone_numbers/carriers_info`: the sandbox sells from one carrier, `local`. */
function carriersInfo(): Reply {
  return {
    data: {
      maximal_prefix_length: 3,
      usable_carriers: ['local'],
      usable_creation_states: ['aging', 'available', 'in_service', 'port_in', 'reserved'],
    },
    envelope: { revision: 'automatic' },
  };
}

const NO_LOCALITY = 'needs a number locality provider, which the sandbox does not have';

/** `cb_phone_numbers`: number search, the account's numbers, acquisition, reservation and activation. */
export const phoneNumbersModule = defineModule({
  name: 'phone_numbers',
  routes: [
    route('phone_numbers', ['GET'], ({ req }) => searchNumbers(req), { public: true }),
    route('accounts/:account/phone_numbers', ['GET'], ({ engine, req, accountId }) => listNumbers(engine, req, accountId)),
    route('accounts/:account/phone_numbers/collection', ['PUT', 'POST', 'PATCH', 'DELETE'], ({ engine, req, accountId }) =>
      numberCollection(engine, req, accountId),
    ),
    route('accounts/:account/phone_numbers/collection/activate', ['PUT'], ({ engine, req, accountId }) =>
      numberCollection(engine, req, accountId, 'activate'),
    ),
    route('accounts/:account/phone_numbers/:number', ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'], ({ engine, req, accountId, params }) =>
      numberItem(engine, req, accountId, params.number),
    ),
    route('accounts/:account/phone_numbers/:number/activate', ['PUT'], ({ engine, req, accountId, params }) =>
      numberItem(engine, req, accountId, params.number, 'activate'),
    ),
    route('accounts/:account/phone_numbers/:number/reserve', ['PUT'], ({ engine, req, accountId, params }) =>
      numberItem(engine, req, accountId, params.number, 'reserve'),
    ),
    route('accounts/:account/phone_numbers/:number/port', ['PUT'], ({ engine, req, accountId, params }) => {
      const number = normalizeNumber(params.number);
      if (!number) throw notReconcilable(params.number);
      return acquire(engine, req, accountId, number, params.number, 'port_in');
    }),
    route('accounts/:account/phone_numbers/:number/identify', ['GET'], ({ engine, req, params }) => identify(engine, req, params.number)),
    route('accounts/:account/phone_numbers/classifiers', ['GET'], () => classifiers()),
    route('accounts/:account/phone_numbers/classifiers/:number', ['GET'], ({ params }) => classifiers(params.number)),
    route('accounts/:account/phone_numbers/fix', ['POST'], ({ engine, accountId }) => fix(engine, accountId)),
    route('accounts/:account/phone_numbers/fix/:number', ['POST'], ({ engine, accountId, params }) =>
      fix(engine, accountId, params.number),
    ),
    route('accounts/:account/phone_numbers/check', ['POST'], ({ engine, req }) => check(engine, req)),
    route('accounts/:account/phone_numbers/carriers_info', ['GET'], () => carriersInfo()),
    unservedRoute('accounts/:account/phone_numbers/locality', ['POST'], 'phone_numbers/locality', NO_LOCALITY),
    unservedRoute('accounts/:account/phone_numbers/prefix', ['GET'], 'phone_numbers/prefix', NO_LOCALITY),
  ],
});
