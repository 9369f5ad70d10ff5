import { callsOf } from '../calls';
import { compact } from '../json';
import { defineModule, route } from '../sandbox-module';

/**
 * `cb_parked_calls`: the account's parking slots with the calls parked in them, from the simulated
 * calls a `park` callflow node holds. Each slot is `cf_park:create_slot/6`'s document, normalised.
 */
export const parkedCallsModule = defineModule({
  name: 'parked_calls',
  routes: [
    route('accounts/:account/parked_calls', ['GET'], ({ engine, accountId }) => {
      const realm = String(engine.account(accountId)?.body.realm ?? '');
      const slots = Object.fromEntries(
        callsOf(engine)
          .parked(accountId)
          .map((p) => [
            p.slot,
            compact({
              call_id: p.callId,
              attended: true,
              presence_user: `${p.leg.destination}${p.slot}`,
              presence_realm: realm,
              presence_id: `${p.leg.destination}${p.slot}@${realm}`,
              cid_number: p.leg.callerIdNumber,
              cid_name: p.leg.callerIdName,
              cid_uri: `${p.leg.callerIdNumber}@${realm}`,
              presence_type: 'early',
            }),
          ]),
      );
      return { data: { slots }, envelope: { revision: 'automatic' } };
    }),
  ],
});
