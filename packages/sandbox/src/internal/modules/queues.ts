import { QueuesSchema } from '@audian/resources/schemas';
import { simpleCollection } from '../collection-def';
import { defineModule, NO_TELEPHONY, unservedRoute } from '../sandbox-module';

/** Call-center queues (`kzd_queues`). */
// `cb_queues:check_queue_schema/2` validates before `on_successful_validation/2` loads;
// `validate_patch/2` goes through `crossbar_doc:patch_and_validate/3`.
export const QUEUES = simpleCollection(
  'queues',
  'queue',
  QueuesSchema,
  (doc) => ({ id: doc._id, name: doc.name, strategy: doc.strategy }),
  { validatesBeforeLoad: ['POST', 'PATCH'] },
);

/**
 * `cb_queues`: the queue documents. Statistics, rosters and eavesdropping live in ACDc, the
 * call-center engine, which the sandbox does not run.
 */
export const queuesModule = defineModule({
  name: 'queues',
  documents: [QUEUES],
  routes: [
    unservedRoute('accounts/:account/queues/stats', ['GET'], 'queues/stats', NO_TELEPHONY),
    unservedRoute('accounts/:account/queues/eavesdrop', ['PUT'], 'queues/eavesdrop', NO_TELEPHONY),
    unservedRoute('accounts/:account/queues/:id/eavesdrop', ['PUT'], 'queues/eavesdrop', NO_TELEPHONY),
    unservedRoute('accounts/:account/queues/:id/roster', ['GET', 'POST', 'DELETE'], 'queues/roster', NO_TELEPHONY),
  ],
});
