import type { Audian } from '@audian/resources';
import { desiredState } from './internal/office/desired-state.js';
import { changedFields, officeCollections } from './internal/office/office-collections.js';
import { OFFICE_KINDS, OFFICE_MARKER, type OfficeDocument, type OfficeIds, type OfficeKind } from './office-document.js';
import type { OfficeSpec } from './office-spec.js';

/** A document of an office as Crossbar returned it (the whole document, with its id). */
export type OfficeStoredDocument = Readonly<Record<string, unknown>> & { readonly id: string };

/**
 * What applying will do to one document: create it, change some of its fields (`fields`, old
 * values in `current`, new ones in `after`), keep it, or — for a document of the office the spec
 * no longer names — remove it (with `prune`) or report it as an orphan.
 */
export type OfficePlanStep =
  | { readonly action: 'create'; readonly desired: OfficeDocument }
  | {
      readonly action: 'change';
      readonly desired: OfficeDocument;
      readonly current: OfficeStoredDocument;
      readonly fields: readonly string[];
      /** The new value of each changed field (the old ones are in `current`). */
      readonly after: Readonly<Record<string, unknown>>;
    }
  | { readonly action: 'keep'; readonly desired: OfficeDocument; readonly current: OfficeStoredDocument }
  | {
      readonly action: 'remove' | 'orphan';
      readonly kind: OfficeKind;
      readonly key: string;
      /** How a person knows it: its name (or a user's full name), then its office key. */
      readonly label: string;
      readonly current: OfficeStoredDocument;
    };

/** A plan: every step, in the order it will be applied (dependencies first, removals last). */
export interface OfficePlan {
  readonly office: string;
  readonly steps: readonly OfficePlanStep[];
}

/** The documents of one office as they exist, by office key (see {@link readOffice}). */
export type OfficeState = Map<string, { kind: OfficeKind; doc: OfficeStoredDocument }>;

/**
 * Reads what exists of an office: every document carrying its marker (`office_setup.office`),
 * by key. Pass a client scoped to the account (`audian.account(id)`) for a sub-account.
 *
 * @example
 * ```ts
 * import { readOffice } from '@audian/fleet';
 *
 * for (const [key, { kind, doc }] of await readOffice(audian, 'Acme Dental')) console.log(key, kind, doc.id);
 * ```
 * @throws ApiError subclasses when a listing or a read fails
 */
export async function readOffice(audian: Audian, office: string): Promise<OfficeState> {
  const cols = officeCollections(audian);
  const found: OfficeState = new Map();
  for (const kind of OFFICE_KINDS) {
    // Filters see the whole stored document, so the marker finds the office's documents; a
    // listing shows only summaries, hence the read of each.
    const items = await cols[kind].list({ filter: { [`${OFFICE_MARKER}.office`]: office } }).toArray();
    for (const item of items) {
      const doc = await cols[kind].get(item.id);
      const key = (doc[OFFICE_MARKER] as { key?: unknown } | undefined)?.key;
      if (typeof key === 'string') found.set(key, { kind, doc });
    }
  }
  return found;
}

/**
 * How a person knows an existing document of an office: its name (or a user's full name), then
 * its office key: `Grace softphone (device:2001:1)`.
 *
 * @example
 * ```ts
 * import { officeDocumentLabel } from '@audian/fleet';
 *
 * console.log(officeDocumentLabel({ id: 'a1', name: 'Front desk', office_setup: { office: 'Acme', key: 'callflow:ring_group' } }));
 * ```
 */
export function officeDocumentLabel(doc: OfficeStoredDocument): string {
  const name = doc.name ?? [doc.first_name, doc.last_name].filter(Boolean).join(' ');
  const key = (doc[OFFICE_MARKER] as { key?: string } | undefined)?.key;
  return `${String(name || doc.id)}${key ? ` (${key})` : ''}`;
}

/**
 * Plans an office spec against what exists (nothing is written): each document of the spec is
 * created when missing, changed (only the differing fields) when it differs, kept when it
 * matches; documents of the office the spec no longer names are orphans, removed with `prune`.
 * Reading the state first is what makes applying the same spec twice a no-op.
 *
 * @example
 * ```ts
 * import { parseOfficeSpec, planOffice } from '@audian/fleet';
 *
 * const plan = await planOffice(audian.account(accountId), parseOfficeSpec(text, 'office.yaml'));
 * console.log(plan.steps.filter((s) => s.action !== 'keep').length, 'documents to write');
 * ```
 * @throws ApiError subclasses when the office's documents cannot be read
 */
export async function planOffice(audian: Audian, spec: OfficeSpec, options: { readonly prune?: boolean } = {}): Promise<OfficePlan> {
  const desired = desiredState(spec);
  const current = await readOffice(audian, spec.office);
  const ids: OfficeIds = new Map([...current].map(([key, { doc }]) => [key, doc.id]));
  const steps: OfficePlanStep[] = [];
  for (const d of desired) {
    const existing = current.get(d.key);
    if (!existing) {
      steps.push({ action: 'create', desired: d });
      continue;
    }
    const body = d.build(ids);
    const fields = changedFields(body, existing.doc);
    steps.push(
      fields.length
        ? { action: 'change', desired: d, current: existing.doc, fields, after: Object.fromEntries(fields.map((f) => [f, body[f]])) }
        : { action: 'keep', desired: d, current: existing.doc },
    );
  }
  const wanted = new Set(desired.map((d) => d.key));
  const orphans = [...current].filter(([key]) => !wanted.has(key));
  // Remove dependents first: callflows before the users they route to.
  orphans.sort(([, a], [, b]) => OFFICE_KINDS.indexOf(b.kind) - OFFICE_KINDS.indexOf(a.kind));
  for (const [key, { kind, doc }] of orphans) {
    steps.push({ action: options.prune ? 'remove' : 'orphan', kind, key, label: officeDocumentLabel(doc), current: doc });
  }
  return { office: spec.office, steps };
}
