import { badIdentifier } from '../crossbar-error';
import { defineModule, route } from '../sandbox-module';

/**
 * `cb_call_inspector`: the calls whose SIP dialogues the call inspector captured, and one
 * dialogue. The sandbox captures no SIP, so the listing is empty and every call id is unknown
 * (`response_bad_identifier/2`, as KAZOO answers a call the inspector never saw).
 */
export const callInspectorModule = defineModule({
  name: 'call_inspector',
  routes: [
    route('accounts/:account/call_inspector', ['GET'], () => ({ data: [], envelope: { revision: 'automatic' } })),
    route('accounts/:account/call_inspector/:call', ['GET'], ({ params }) => {
      throw badIdentifier(params.call);
    }),
  ],
});
