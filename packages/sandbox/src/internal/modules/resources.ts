import * as schemas from '@audian/resources/schemas';
import { docReply, listDocs } from '../collection';
import { byId, COLLECTION_VERBS, ITEM_VERBS } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifierList, CrossbarError, type FieldErrors, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { newId, newModbId } from '../ids';
import { compact, deepMerge, isObject, type JsonObject, publicDoc, stripReserved } from '../json';
import { rangedListing } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import { normalizeNumber, PHONE_NUMBERS } from './phone-numbers';

/**
 * `cb_resources:check_if_peer/2`: a carrier may peer (accept calls from its gateways' IPs without
 * credentials) only when `crossbar.resources.allow_peers` is on, which it is not by default.
 */
function peerRule(doc: JsonObject): FieldErrors | undefined {
  if (doc.peer !== true && doc.peer !== 'true') return undefined;
  return { peer: { forbidden: { message: 'Peers are currently disabled, please contact the system admin' } } };
}

/** The account's carriers ("local resources"), listed by `resources/crossbar_listing`. */
export const RESOURCES: ResourceDef = {
  name: 'resources',
  type: 'resource',
  schema: schemas.ResourceSchema,
  collectionVerbs: COLLECTION_VERBS,
  itemVerbs: ITEM_VERBS,
  summary: (doc) =>
    compact({
      id: doc._id,
      name: doc.name,
      enabled: doc.enabled,
      weight_cost: doc.weight_cost,
      template_name: doc.template_name,
      classifiers: doc.classifiers,
    }),
  sortKey: byId,
  prepare: peerRule,
  // `cb_resources:update_local/2` validates before `check_if_peer/2` → `on_successful_validation/2`
  // loads; a PATCH reads the resource first (`validate_patch(read(…))`), so it stays 404.
  validatesBeforeLoad: ['POST'],
};

/** Bulk number-import jobs (`resource_job`), stored in the MODB (ids `YYYYMM-…`). */
export const RESOURCE_JOBS: ResourceDef = {
  name: 'resources/jobs',
  type: 'resource_job',
  schema: schemas.ResourceJobSchema,
  collectionVerbs: ['GET', 'PUT'],
  itemVerbs: ['GET'],
  // `resources/jobs_listing`: counts of the numbers that failed and succeeded.
  summary: (doc) =>
    compact({
      id: doc._id,
      timestamp: doc.pvt_modified,
      status: doc.pvt_status,
      failures: Object.keys(isObject(doc.errors) ? doc.errors : {}).length,
      successes: Object.keys(isObject(doc.success) ? doc.success : {}).length,
      resource_id: doc.resource_id,
      name: doc.name,
    }),
  sortKey: (doc) => Number(doc.pvt_created),
};

/** The field errors a document would get, or undefined when it is valid. */
function errorsOf(validate: () => unknown): unknown {
  try {
    validate();
    return undefined;
  } catch (error) {
    if (error instanceof CrossbarError && error.status === 400) return error.data;
    throw error;
  }
}

/** A collection item's id: its `_id` or `id` when it names one (`kz_doc:id/2`), else a new one. */
function itemId(item: unknown): string {
  if (!isObject(item)) return newId();
  const id = item._id ?? item.id;
  return typeof id === 'string' && id !== '' ? id : newId();
}

/**
 * `PUT|POST …/resources/collection` (`cb_resources:validate_collection/1`, `collection_process/1`):
 * every item is validated as a create (PUT) or merged over its stored carrier (POST, unknown ids:
 * `resource does not exist`); when all pass they are saved together and the answer is the listing,
 * otherwise nothing is saved and the answer is `{ errors: { <id>: … } }`.
 */
function collectionWrite(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  if (!Array.isArray(req.data)) {
    throw validationError({ data: { type: { message: 'Value did not match type(s): array', target: 'array' } } });
  }
  const errors: JsonObject = {};
  const writes: { id: string; body: JsonObject; exists: boolean }[] = [];
  for (const item of req.data) {
    const id = itemId(item);
    const stored = engine.store.get(accountId, id);
    const exists = stored !== undefined && !stored.deleted && stored.type === RESOURCES.type;
    if (req.method === 'POST' && !exists) {
      errors[id] = 'resource does not exist';
      continue;
    }
    let merged: JsonObject | undefined;
    if (req.method === 'POST' && stored && isObject(item)) {
      const base = publicDoc(stored.body);
      delete base.id;
      merged = deepMerge(base, stripReserved(item));
    }
    let body: JsonObject = {};
    const failed = errorsOf(() => {
      body = engine.docs.validate(RESOURCES, accountId, merged ?? item, exists && req.method === 'POST' ? stored : undefined, merged);
    });
    if (failed !== undefined) errors[id] = failed;
    else writes.push({ id, body, exists: req.method === 'POST' });
  }
  if (Object.keys(errors).length > 0) return { data: { errors }, envelope: { revision: 'automatic' } };
  engine.store.transaction(() => {
    for (const w of writes) {
      if (w.exists) engine.docs.replace(RESOURCES, accountId, w.id, publicFields(w.body));
      else engine.docs.create(RESOURCES, accountId, w.body, { id: w.id });
    }
  });
  return listDocs(engine, req, accountId, RESOURCES);
}

function publicFields(body: JsonObject): JsonObject {
  const out = publicDoc(body);
  delete out.id;
  return out;
}

/**
 * `crossbar_jobs_listener:create_number/5` without a carrier to ask: each number is added to the
 * account `reserved` (module `knm_local`, `resource_id` recorded) unless it is not a number or
 * another account already holds it; the job ends `complete`.
 */
function runJob(engine: Engine, accountId: string, job: JsonObject): JsonObject {
  const success: JsonObject = {};
  const errors: JsonObject = {};
  for (const raw of Array.isArray(job.numbers) ? job.numbers : []) {
    const did = String(raw);
    if (isObject(success[did]) || isObject(errors[did])) continue;
    const number = normalizeNumber(did);
    if (!number) {
      errors[did] = { reason: 'not_reconcilable', message: `number ${did} is not reconcilable` };
      continue;
    }
    const holder = engine.store.claimant({ scope: '', kind: 'phone_number', value: number });
    const held = holder && engine.store.get(holder.accountId, number);
    if (held && !held.deleted) {
      errors[did] = { reason: 'number_exists', message: `number ${did} already exists` };
      continue;
    }
    const doc = engine.docs.create(
      PHONE_NUMBERS,
      accountId,
      { resource_id: job.resource_id },
      {
        id: number,
        private: { pvt_state: 'reserved', pvt_assigned_to: accountId, pvt_features: [], pvt_module_name: 'knm_local' },
      },
    );
    success[number] = publicDoc(doc.body);
  }
  return { ...job, success, errors, pvt_status: 'complete', pvt_modified: engine.clock.gregorian() };
}

/** A job's public view, with `timestamp` and `status` (`cb_resources:leak_job_fields/1`). */
function jobView(doc: JsonObject): JsonObject {
  return { ...publicDoc(doc), timestamp: doc.pvt_created, status: doc.pvt_status };
}

/**
 * `PUT …/resources/jobs`: validated against `resource_jobs`, stored `pending` and answered 202
 * `Job scheduled` (`cb_resources:put/2`); the job then runs at once (`runJob`).
 */
function createJob(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const saved = engine.docs.create(RESOURCE_JOBS, accountId, req.data, {
    id: newModbId(engine.clock.unix()),
    private: { pvt_status: 'pending', pvt_auth_account_id: req.auth?.accountId ?? accountId },
    beforeSave: (doc) => Object.assign(doc, { errors: {}, success: {} }),
  });
  const reply: Reply = {
    status: 202,
    data: publicDoc(saved.body),
    envelope: { revision: String(saved.body._rev), message: 'Job scheduled' },
  };
  engine.docs.save(RESOURCE_JOBS, saved, runJob(engine, accountId, saved.body));
  return reply;
}

/** `GET …/resources/jobs/{JOB_ID}` (`cb_resources:read_job/2`): ids that are not MODB ids are a bad identifier. */
function readJob(engine: Engine, accountId: string, jobId: string): Reply {
  if (!/^\d{6}-/.test(jobId)) throw badIdentifierList(jobId);
  const doc = engine.docs.load(accountId, RESOURCE_JOBS, jobId);
  return { ...docReply(RESOURCE_JOBS, doc), data: jobView(doc.body) };
}

/** `cb_resources`: the account's carriers, their bulk collection writes and number-import jobs. */
export const resourcesModule = defineModule({
  name: 'resources',
  documents: [RESOURCES],
  routes: [
    route('accounts/:account/resources/collection', ['PUT', 'POST'], ({ engine, req, accountId }) =>
      collectionWrite(engine, req, accountId),
    ),
    route('accounts/:account/resources/jobs', ['GET', 'PUT'], ({ engine, req, accountId }) =>
      req.method === 'PUT' ? createJob(engine, req, accountId) : rangedListing(engine, req, accountId, RESOURCE_JOBS),
    ),
    route('accounts/:account/resources/jobs/:id', ['GET'], ({ engine, accountId, params }) => readJob(engine, accountId, params.id)),
  ],
});
