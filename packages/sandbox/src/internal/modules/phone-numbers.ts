import { PhoneNumbersSchema } from '@audian/resources/schemas';
import { envelopeFlag, type Reply, type SandboxRequest } from '../context';
import { CrossbarError, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { compileFilter } from '../filters';
import { compact, deepMerge, isObject, type JsonObject, publicDoc } from '../json';
import { pageParams, paginate, rowLimit } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
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
  ],
});
