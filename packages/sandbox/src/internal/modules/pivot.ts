import { badIdentifier } from '../crossbar-error';
import { defineModule, route } from '../sandbox-module';

/**
 * `cb_pivot`: the debug logs of calls that ran a `pivot` callflow node (the request to the
 * developer's URL and its answer). Simulated calls never fetch a pivot URL, so there are no logs
 * and every call id is unknown.
 */
export const pivotModule = defineModule({
  name: 'pivot',
  routes: [
    route('accounts/:account/pivot/debug', ['GET'], () => ({ data: [], envelope: { revision: 'automatic' } })),
    route('accounts/:account/pivot/debug/:call', ['GET'], ({ params }) => {
      throw badIdentifier(params.call);
    }),
  ],
});
