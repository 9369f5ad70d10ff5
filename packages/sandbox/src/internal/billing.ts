import type { ServiceCharge } from '../sandbox-options';
import { CrossbarError } from './crossbar-error';
import type { JsonObject } from './json';
import type { Store } from './store';

/** The default 402 charges: one user or one device. */
export const DEFAULT_CHARGES: Readonly<Record<string, ServiceCharge>> = {
  users: { rate: 1, activation_charges: 0 },
  devices: { rate: 1, activation_charges: 0 },
};

/** One document's billable item: `users` are billed by `priv_level`, `devices` by `device_type`. */
export function billableItem(resource: string, doc: JsonObject): string {
  if (resource === 'users') return String(doc.priv_level ?? 'user');
  if (resource === 'devices') return String(doc.device_type ?? 'sip_device');
  return resource;
}

/** What a write changes in a billable category. */
export interface BillableChange {
  readonly accountId: string;
  /** The resource (service category): `users`, `devices`, `phone_numbers`, … */
  readonly resource: string;
  /** The stored type whose live documents are counted. */
  readonly type: string;
  /** The document as stored before the write (undefined on create). */
  readonly before: JsonObject | undefined;
  /** The document as it will be stored. */
  readonly after: JsonObject;
}

function count(quantities: Map<string, number>, item: string, delta: number): void {
  quantities.set(item, (quantities.get(item) ?? 0) + delta);
}

/**
 * `crossbar_services:maybe_dry_run/3` for one write: the account's quantities before and after it
 * (`kz_services:set_updates/4`), and when an item's quantity grows without `accept_charges`, 402
 * `accept charges` with KAZOO 5.x's quote — `data` is a list of invoices
 * (`kz_services_invoices:public_json/1`), each with `items` (category, item, quantity, billable,
 * rate, total and the `changes` the write makes), `activation_charges`, `taxes`, `summary`
 * (`today` = activation total, `recurring` = items total) and the `plan`. Writes that add nothing
 * billable (a rename, a removal) pass, whatever the verb.
 */
export function checkCharges(store: Store, charges: Readonly<Record<string, ServiceCharge>>, change: BillableChange): void {
  const charge = charges[change.resource];
  if (!charge) return;
  const current = new Map<string, number>();
  for (const doc of store.children(change.accountId, change.type, '')) count(current, billableItem(change.resource, doc.body), 1);
  const proposed = new Map(current);
  if (change.before) count(proposed, billableItem(change.resource, change.before), -1);
  count(proposed, billableItem(change.resource, change.after), 1);
  const added = [...proposed].filter(([item, quantity]) => quantity > (current.get(item) ?? 0));
  if (added.length === 0) return;

  const rate = charge.rate;
  const activation = charge.activation_charges ?? 0;
  const items = [...proposed]
    .filter(([item, quantity]) => quantity > 0 || (current.get(item) ?? 0) > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([item, quantity]) => {
      const before = current.get(item) ?? 0;
      const difference = quantity - before;
      const entry: JsonObject = { category: change.resource, item, quantity, billable: quantity, rate, total: quantity * rate };
      if (difference !== 0) {
        entry.changes = { type: before === 0 ? 'created' : 'modified', difference: { billable: difference, quantity: difference } };
      }
      return entry;
    });
  const activationCharges =
    activation > 0
      ? added.map(([item, quantity]) => {
          const billable = quantity - (current.get(item) ?? 0);
          return { category: change.resource, item, billable, rate: activation, total: billable * activation };
        })
      : [];
  const sum = (list: readonly JsonObject[]) => list.reduce((total, entry) => total + Number(entry.total), 0);
  throw new CrossbarError(402, 'accept charges', [
    {
      activation_charges: activationCharges,
      items,
      taxes: [],
      summary: { today: sum(activationCharges), recurring: sum(items) },
      plan: { [change.resource]: { _all: { rate, activation_charge: activation } } },
    },
  ]);
}
