import * as z from 'zod/mini';
import { requireResellerOf } from '../billing-rights';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { compact, isObject, stripReserved } from '../json';
import { rangedListing } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import { notImplemented } from '../unserved';

/** Transactions (`kz_transaction`, in the MODB): what a bookkeeper charged or refunded. */
const TRANSACTIONS: ResourceDef = {
  name: 'transactions',
  type: 'transaction',
  schema: z.looseObject({}),
  collectionVerbs: ['GET'],
  itemVerbs: ['GET'],
  // `cb_transactions:normalize_view_result/1`: the view's value, `amount` in currency units.
  summary: (doc) => compact({ ...stripReserved(doc), id: doc._id, amount: Number(doc.amount ?? 0) }),
  sortKey: (doc) => Number(doc.pvt_created),
};

/** `GET …/transactions/{TRANSACTION_ID}` (`kz_transaction:fetch/2`). */
function fetch(engine: Engine, accountId: string, id: string): Reply {
  const doc = engine.store.get(accountId, id);
  if (!doc || doc.deleted || doc.type !== TRANSACTIONS.type) throw badIdentifier(id);
  return { data: TRANSACTIONS.summary(doc.body), envelope: { revision: String(doc.body._rev) } };
}

/**
 * `PUT …/transactions/sale|refund`: the account's bookkeeper reseller only
 * (`cb_transactions:authorize_create/1`), an `amount` above 0 (`validate_sale/2`,
 * `validate_refund/2`), then a charge through the bookkeeper, which the sandbox does not have.
 */
function charge(engine: Engine, req: SandboxRequest, accountId: string, action: 'sale' | 'refund'): Reply {
  requireResellerOf(engine, req.auth, accountId);
  const raw = isObject(req.data) ? req.data.amount : undefined;
  const amount = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : undefined;
  if (amount === undefined || Number.isNaN(amount)) throw validationError({ amount: { required: { message: 'Amount is required' } } });
  if (amount <= 0) {
    const message = action === 'sale' ? 'Amount must be more than 0' : 'Amount must be greater than 0';
    throw validationError({ amount: { minimum: { message } } });
  }
  throw notImplemented(`transactions/${action}`, 'needs a billing provider, which the sandbox does not have');
}

/** `cb_transactions`: the account's payment transactions; sales and refunds need a bookkeeper. */
export const transactionsModule = defineModule({
  name: 'transactions',
  routes: [
    route('accounts/:account/transactions', ['GET'], ({ engine, req, accountId }) => rangedListing(engine, req, accountId, TRANSACTIONS)),
    route('accounts/:account/transactions/sale', ['PUT'], ({ engine, req, accountId }) => charge(engine, req, accountId, 'sale')),
    route('accounts/:account/transactions/refund', ['PUT'], ({ engine, req, accountId }) => charge(engine, req, accountId, 'refund')),
    route('accounts/:account/transactions/:id', ['GET'], ({ engine, accountId, params }) => fetch(engine, accountId, params.id)),
  ],
});
