import * as schemas from '@audian/resources/schemas';
import type { ZodMiniType } from 'zod/mini';
import { createDoc, itemDoc } from '../collection';
import { byId, COLLECTION_VERBS, flagsOf, ITEM_VERBS } from '../collection-def';
import type { Reply } from '../context';
import { CrossbarError, type FieldErrors, mergeFieldErrors, validationError } from '../crossbar-error';
import { toE164 } from '../e164';
import { compact, deepMerge, isObject, type JsonObject, publicDoc, stripReserved } from '../json';
import type { ClaimSpec, DocHookContext, ResourceDef } from '../resource-def';
import { defineModule, type RouteContext, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { validateAt } from '../validation';

/** The modules a callflow's flow uses (the listing's `modules`), each once, in walk order. */
function flowModules(flow: unknown, out: string[] = []): string[] {
  if (!isObject(flow)) return out;
  const data = flow.data;
  if (typeof flow.module === 'string' && isObject(data) && data.skip_module !== true && !out.includes(flow.module)) out.push(flow.module);
  if (isObject(flow.children)) for (const child of Object.values(flow.children)) flowModules(child, out);
  return out;
}

function pascal(module: string): string {
  return module
    .split(/[_.-]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

const moduleSchemas = schemas as unknown as Record<string, ZodMiniType | undefined>;

/** Validates each node's `data` against its module's schema (`callflows.<module>`), applying its defaults. */
function validateFlow(flow: unknown, path: (string | number)[], errors: FieldErrors): void {
  if (!isObject(flow)) return;
  if (typeof flow.module === 'string') {
    const schema = moduleSchemas[`Callflows${pascal(flow.module)}Schema`];
    if (schema) {
      const result = validateAt(schema, flow.data ?? {}, [...path, 'data']);
      mergeFieldErrors(errors, result.errors);
      if (Object.keys(result.errors).length === 0) flow.data = result.value;
    }
  }
  if (isObject(flow.children))
    for (const [key, child] of Object.entries(flow.children)) validateFlow(child, [...path, 'children', key], errors);
}

function callflowHolder(kind: 'Number' | 'Pattern', value: string, holder: StoredDoc | undefined): string {
  const id = holder?.id ?? '';
  const name = holder && typeof holder.body.name === 'string' && holder.body.name !== '' ? holder.body.name : id;
  return `${kind} ${value} exists in callflow ${id} ${name}`;
}

/** `cb_callflows:create_metadata/1`: a referenced document's `name` (a user's first and last name), `numbers` and `pvt_type`. */
function metadataOf(doc: JsonObject): JsonObject {
  const out: JsonObject = {};
  if (doc.pvt_type === 'user') {
    const name = `${typeof doc.first_name === 'string' ? doc.first_name : ''} ${typeof doc.last_name === 'string' ? doc.last_name : ''}`;
    if (name !== ' ') out.name = name;
  } else if (doc.name !== undefined) out.name = doc.name;
  if (doc.numbers !== undefined) out.numbers = doc.numbers;
  if (doc.pvt_type !== undefined) out.pvt_type = doc.pvt_type;
  return out;
}

/**
 * `cb_callflows:get_metadata/2`: for each id a node's `data` names (`id`, or a key containing `_id`)
 * and each child branch key (temporal rule ids), the referenced document's metadata, walking the
 * whole flow; ids that name no document are left out.
 */
function flowMetadata(flow: unknown, lookup: DocHookContext['lookup'], accountId: string, out: JsonObject = {}): JsonObject {
  if (!isObject(flow)) return out;
  const add = (id: unknown) => {
    if (typeof id !== 'string' || id.length < 2 || id === '_' || out[id] !== undefined) return;
    const doc = lookup(accountId, id);
    if (doc) out[id] = metadataOf(doc.body);
  };
  if (isObject(flow.data)) for (const [key, value] of Object.entries(flow.data)) if (key === 'id' || key.includes('_id')) add(value);
  if (isObject(flow.children)) {
    for (const [branch, child] of Object.entries(flow.children)) {
      add(branch);
      flowMetadata(child, lookup, accountId, out);
    }
  }
  return out;
}

/** `cb_callflows:error_no_numbers_or_patterns/1`. */
const NO_NUMBERS_OR_PATTERNS = 'Callflows must be assigned at least one number or pattern';

export const CALLFLOWS: ResourceDef = {
  name: 'callflows',
  type: 'callflow',
  schema: schemas.CallflowsSchema,
  // `validate_callflow_schema/2`'s on-success fun runs `validate_uniqueness/2`.
  uniqueChecked: 'afterSchemaPassed',
  collectionVerbs: COLLECTION_VERBS,
  itemVerbs: ITEM_VERBS,
  // `cb_callflows:validate_request/2` checks the numbers and the schema before
  // `validate_callflow_schema/2`'s on-success fun loads (`on_successful_validation/2`); a PATCH
  // goes through `crossbar_doc:patch_and_validate/3`.
  validatesBeforeLoad: ['POST', 'PATCH'],
  summary: (doc) =>
    compact({
      id: doc._id,
      name: doc.name,
      type: doc.type,
      numbers: doc.numbers,
      patterns: doc.patterns,
      featurecode: doc.featurecode ? doc.featurecode : false,
      owner_id: doc.owner_id,
      group_id: doc.group_id,
      modules: flowModules(doc.flow),
      flags: flagsOf(doc),
    }),
  sortKey: byId,
  claims(doc) {
    const numbers = Array.isArray(doc.numbers) ? (doc.numbers as unknown[]).filter((n): n is string => typeof n === 'string') : [];
    const patterns = Array.isArray(doc.patterns) ? (doc.patterns as unknown[]).filter((n): n is string => typeof n === 'string') : [];
    return [
      ...[...new Set(numbers)].map(
        (n): ClaimSpec => ({
          kind: 'number',
          value: n,
          scope: 'account',
          error: (holder) => ({ numbers: { unique: { message: callflowHolder('Number', n, holder), cause: n } } }),
        }),
      ),
      ...[...new Set(patterns)].map(
        (p): ClaimSpec => ({
          kind: 'pattern',
          value: p,
          scope: 'account',
          error: (holder) => ({ patterns: { unique: { message: callflowHolder('Pattern', p, holder), cause: p } } }),
        }),
      ),
    ];
  },
  detail: (view, stored, lookup, accountId) => ({ ...view, metadata: flowMetadata(stored.flow, lookup, accountId) }),
  // `cb_modules_util:validate_number_ownership/2`: a number held by an account the token cannot reach
  // is not the caller's to route (numbers no account holds pass, as `not_found` does).
  authorizeSave(doc, ctx) {
    const numbers = Array.isArray(doc.numbers) ? doc.numbers.filter((n): n is string => typeof n === 'string') : [];
    const unauthorized = numbers.filter((n) => {
      const holder = ctx.numberHolder(n);
      return holder !== undefined && !ctx.reaches(holder);
    });
    if (unauthorized.length > 0) throw new CrossbarError(403, 'forbidden', { message: `unauthorized to use ${unauthorized.join(', ')}` });
  },
  prepare(doc) {
    const errors: FieldErrors = {};
    // `cb_callflows:normalize_numbers/2`: numbers are stored (and checked for uniqueness) in E.164
    // as KAZOO's converters make it (`4155559876` → `+14155559876`; extensions stay as they are).
    if (Array.isArray(doc.numbers)) doc.numbers = doc.numbers.map((n) => (typeof n === 'string' && n !== '' ? toE164(n) : n));
    const numbers = Array.isArray(doc.numbers) ? doc.numbers : [];
    const patterns = Array.isArray(doc.patterns) ? doc.patterns : [];
    // The routes stop at this before the schema (checkNumbersOrPatterns); writes that reach the
    // engine another way (onboarding, demo content) are checked here.
    if (numbers.length === 0 && patterns.length === 0) {
      errors.numbers = { required: { message: NO_NUMBERS_OR_PATTERNS } };
    }
    validateFlow(doc.flow, ['flow'], errors);
    return errors;
  },
};

/** `cb_callflows:validate_request/2`'s own type error (not jesse's wording: `type`, not `type(s)`). */
function notAnArray(field: 'numbers' | 'patterns', value: unknown): CrossbarError {
  return validationError({ [field]: { type: { message: 'Value did not match type: array', target: 'array', value: value as never } } });
}

/**
 * `cb_callflows:validate_request/2` before the schema, on the request (`POST`, `PUT`) or on the
 * document `crossbar_doc:patch_and_validate/3` patched (`PATCH`; the request alone when the load
 * failed). Each error stops there, alone: `validate_callflow_schema/2` never runs after
 * `cb_context:add_validation_error/4`.
 *
 * - `numbers` missing or `[]`: `validate_patterns/2` looks at `patterns`; missing or `[]` is
 *   `error_no_numbers_or_patterns/1` (`numbers.required`), anything but a list `patterns.type`;
 * - `numbers` a list: `normalize_numbers/2` turns it to E.164 before the schema sees it (so
 *   `4155559876` and `+14155559876` together break `uniqueItems`). `knm_converters:normalize/2`
 *   has no clause for an entry that is not a non-empty string: the crash is swallowed by
 *   `kazoo_bindings:fold_bind_results/5` and Crossbar answers 500 `generic_error` without data;
 * - `numbers` anything else (`null` included): `numbers.type`.
 *
 * Returns the data to hand on, its `numbers` normalised.
 */
function checkNumbersOrPatterns(data: JsonObject, subject: JsonObject): JsonObject {
  const numbers = subject.numbers;
  if (numbers === undefined || (Array.isArray(numbers) && numbers.length === 0)) {
    const patterns = subject.patterns;
    if (patterns === undefined || (Array.isArray(patterns) && patterns.length === 0)) {
      throw validationError({ numbers: { required: { message: NO_NUMBERS_OR_PATTERNS } } });
    }
    if (!Array.isArray(patterns)) throw notAnArray('patterns', patterns);
    return data;
  }
  if (!Array.isArray(numbers)) throw notAnArray('numbers', numbers);
  if (numbers.some((n) => typeof n !== 'string' || n === '')) throw new CrossbarError(500, 'generic_error', undefined);
  const own = data.numbers;
  return Array.isArray(own) ? { ...data, numbers: own.map((n) => (typeof n === 'string' && n !== '' ? toE164(n) : n)) } : data;
}

/** A callflow write: {@link checkNumbersOrPatterns} first, then the generic engine (schema, rules, unique values). */
function writeCallflow(ctx: RouteContext<{ account: string; id?: string }>): Reply {
  const { engine, req, accountId } = ctx;
  const id = ctx.params.id;
  const write = (data: unknown) =>
    id === undefined
      ? createDoc(engine, { ...req, data }, accountId, CALLFLOWS)
      : itemDoc(engine, { ...req, data }, accountId, CALLFLOWS, id);
  if (!isObject(req.data)) return write(req.data);
  let subject = req.data;
  if (req.method === 'PATCH' && id !== undefined) {
    const stored = engine.store.get(accountId, id);
    if (stored && !stored.deleted && stored.type === CALLFLOWS.type) {
      const base = publicDoc(stored.body);
      delete base.id;
      subject = deepMerge(base, stripReserved(req.data));
    }
  }
  return write(checkNumbersOrPatterns(req.data, subject));
}

/** `cb_callflows`: the account's callflows (numbers and patterns routed to a flow of modules). */
export const callflowsModule = defineModule({
  name: 'callflows',
  documents: [CALLFLOWS],
  routes: [
    route('accounts/:account/callflows', ['PUT'], (ctx) => writeCallflow(ctx)),
    route('accounts/:account/callflows/:id', ['POST', 'PATCH'], (ctx) => writeCallflow(ctx)),
  ],
});
