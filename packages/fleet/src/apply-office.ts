import type { Audian } from '@audian/resources';
import { changedFields, type OfficeCollection, type OfficeDoc, officeCollections } from './internal/office/office-collections.js';
import { OFFICE_MARKER, type OfficeDocument, type OfficeKind } from './office-document.js';
import { type OfficePlan, type OfficePlanStep, planOffice } from './office-plan.js';
import type { OfficeSpec } from './office-spec.js';

/** What applying did to one document of an office. */
export interface OfficeApplied {
  readonly action: OfficePlanStep['action'];
  readonly kind: OfficeKind;
  readonly key: string;
  readonly label: string;
  readonly id: string | undefined;
}

/** Options of {@link applyOfficePlan}. */
export interface ApplyOfficePlanOptions {
  /** Called after each document, in order (for progress output). */
  readonly onStep?: (applied: OfficeApplied) => void;
}

// A document may have appeared since the plan read the state: an earlier run of the same task
// that died after its PUT landed, or a plan made a while ago. Looking it up by its office key
// right before the PUT (PUT creates in Crossbar) is what keeps re-runs from duplicating it.
async function lookUp(col: OfficeCollection, office: string, key: string): Promise<OfficeDoc | undefined> {
  const [found] = await col.list({ filter: { [`${OFFICE_MARKER}.office`]: office, [`${OFFICE_MARKER}.key`]: key } }).toArray();
  return found ? col.get(found.id) : undefined;
}

function change(
  col: OfficeCollection,
  d: OfficeDocument,
  current: OfficeDoc,
  body: Record<string, unknown>,
  fields: readonly string[],
): Promise<OfficeDoc> {
  if (fields.some((f) => d.replaceKeys?.includes(f))) {
    // A tree (a callflow's flow) must be replaced, not merged, or removed branches would linger.
    const { id: _id, _read_only: _ro, ...rest } = current;
    return col.update(current.id, { ...rest, ...body, ...d.withChange?.(fields) });
  }
  return col.patch(current.id, { ...Object.fromEntries(fields.map((f) => [f, body[f]])), ...d.withChange?.(fields) });
}

/**
 * Carries out a plan in order. Creations and changes resolve the ids of documents created
 * earlier in the same run; each creation first looks its document up by office key, and a
 * document found is changed (or kept) instead of created again; orphans are removed only when
 * the plan says so (`prune`). Pass the client scoped to the plan's account.
 *
 * @example
 * ```ts
 * import { applyOfficePlan, planOffice } from '@audian/fleet';
 *
 * const plan = await planOffice(audian, spec);
 * const applied = await applyOfficePlan(audian, plan, { onStep: (a) => console.log(a.action, a.label) });
 * ```
 * @throws ApiError subclasses when Crossbar refuses a write (the documents written before it stay)
 */
export async function applyOfficePlan(audian: Audian, plan: OfficePlan, options: ApplyOfficePlanOptions = {}): Promise<OfficeApplied[]> {
  const cols = officeCollections(audian);
  const ids = new Map<string, string | undefined>();
  for (const step of plan.steps) {
    if (step.action !== 'create')
      ids.set(step.action === 'keep' || step.action === 'change' ? step.desired.key : step.key, step.current.id);
  }
  const done: OfficeApplied[] = [];
  const record = (applied: OfficeApplied) => {
    done.push(applied);
    options.onStep?.(applied);
  };
  for (const step of plan.steps) {
    switch (step.action) {
      case 'create': {
        const d = step.desired;
        const col = cols[d.kind];
        const existing = await lookUp(col, plan.office, d.key);
        if (existing) {
          ids.set(d.key, existing.id);
          const body = d.build(ids);
          const fields = changedFields(body, existing);
          if (fields.length > 0) await change(col, d, existing, body, fields);
          record({ action: fields.length > 0 ? 'change' : 'keep', kind: d.kind, key: d.key, label: d.label, id: existing.id });
          break;
        }
        const created = await col.create({ ...d.createOnly?.(ids), ...d.build(ids) });
        ids.set(d.key, created.id);
        record({ action: 'create', kind: d.kind, key: d.key, label: d.label, id: created.id });
        break;
      }
      case 'change': {
        const d = step.desired;
        const changed = await change(cols[d.kind], d, step.current as OfficeDoc, d.build(ids), step.fields);
        record({ action: 'change', kind: d.kind, key: d.key, label: d.label, id: changed.id });
        break;
      }
      case 'keep':
        record({ action: 'keep', kind: step.desired.kind, key: step.desired.key, label: step.desired.label, id: step.current.id });
        break;
      case 'remove':
        await cols[step.kind].delete(step.current.id);
        record({ action: 'remove', kind: step.kind, key: step.key, label: step.label, id: step.current.id });
        break;
      case 'orphan':
        record({ action: 'orphan', kind: step.kind, key: step.key, label: step.label, id: step.current.id });
        break;
    }
  }
  return done;
}

/** Options of {@link applyOffice}. */
export interface ApplyOfficeOptions extends ApplyOfficePlanOptions {
  /** Remove documents of this office that the spec no longer names. @default false */
  readonly prune?: boolean;
}

/**
 * Plans an office spec against what exists, then applies the plan: running it twice writes
 * nothing the second time. Pass `audian.account(id)` to act on a sub-account.
 *
 * @example
 * ```ts
 * import { applyOffice, parseOfficeSpec } from '@audian/fleet';
 *
 * const { applied } = await applyOffice(audian.account(accountId), parseOfficeSpec(text, 'office.yaml'));
 * console.log(applied.filter((a) => a.action === 'create').length, 'created');
 * ```
 * @throws ApiError subclasses when Crossbar refuses a read or a write
 */
export async function applyOffice(
  audian: Audian,
  spec: OfficeSpec,
  options: ApplyOfficeOptions = {},
): Promise<{ plan: OfficePlan; applied: OfficeApplied[] }> {
  const plan = await planOffice(audian, spec, options);
  const applied = await applyOfficePlan(audian, plan, options);
  return { plan, applied };
}
