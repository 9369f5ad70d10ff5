import * as schemas from '@audian/resources/schemas';
import { docReply } from '../collection';
import { byId, COLLECTION_VERBS, ITEM_VERBS } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { compact, type JsonObject, publicDoc, stripReserved } from '../json';
import { listFilter } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';

/** The account's functions (`function`), listed by `functions/crossbar_listing` (`enabled` true when unset). */
export const FUNCTIONS: ResourceDef = {
  name: 'functions',
  type: 'function',
  schema: schemas.FunctionSchema,
  collectionVerbs: COLLECTION_VERBS,
  itemVerbs: ITEM_VERBS,
  summary: (doc) =>
    compact({
      id: doc._id,
      name: doc.name,
      function_js: doc.function_js,
      enabled: doc.enabled ?? true,
      disable_reason: doc.pvt_disabled_message,
    }),
  sortKey: byId,
};

/**
 * The sandbox's sample functions (KAZOO reads its samples from a file shipped with Crossbar; these
 * are the sandbox's own): each answers a callflow action for the call it is given.
 */
const SAMPLES: readonly JsonObject[] = [
  {
    name: 'Hang up anonymous callers',
    enabled: true,
    function_js:
      'var call = JSON.parse(cfDoc); if (!call.CallerNumber || call.CallerNumber === "anonymous") { return { module: "hangup", data: {} }; } return { module: "noop", data: {} };',
  },
  {
    name: 'Send one number to voicemail',
    enabled: true,
    function_js:
      'var call = JSON.parse(cfDoc); if (call.CallerNumber === "+14155550100") { return { module: "voicemail", data: { action: "compose", id: "VMBOX_ID" } }; } return { module: "noop", data: {} };',
  },
];

/** `GET …/functions/samples` (`cb_functions:validate/2`): the samples, filtered by the request's filters. */
function samples(req: SandboxRequest): Reply {
  const filter = listFilter(req);
  return { data: SAMPLES.filter((s) => !filter || filter(s)), envelope: { revision: 'automatic' } };
}

/** `cb_functions`: the account's serverless functions, sample functions and the system's offer. */
export const functionsModule = defineModule({
  name: 'functions',
  documents: [FUNCTIONS],
  routes: [
    route('accounts/:account/functions/samples', ['GET'], ({ req }) => samples(req)),
    // `on_successful_validation/2`: a POST is validated, then merged over the stored function (`crossbar_doc:load_merge/3`).
    route('accounts/:account/functions/:id', ['POST'], ({ engine, req, accountId, params }) => {
      const stored = engine.docs.load(accountId, FUNCTIONS, params.id);
      engine.docs.validate(FUNCTIONS, accountId, req.data, stored);
      const base = publicDoc(stored.body);
      delete base.id;
      return docReply(
        FUNCTIONS,
        engine.docs.replace(FUNCTIONS, accountId, params.id, { ...base, ...stripReserved(req.data as JsonObject) }),
      );
    }),
    // `cb_functions:authenticate/3`: these two answer without a token.
    route('functions/samples', ['GET'], ({ req }) => samples(req), { public: true }),
    // `summary_available/1`: the master account's `function_meta` documents, of which the sandbox has none.
    route('functions', ['GET'], () => ({ data: [], envelope: { revision: 'automatic' } }), { public: true }),
  ],
});
