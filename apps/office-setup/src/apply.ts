import type { Audian } from '@audian/resources';
import type { Desired, Kind } from './desired';
import { collections, type Doc, documentLabel, type Plan, type Step } from './plan';

/** What applying did to one document. */
export interface Applied {
  readonly action: Step['action'];
  readonly kind: Kind;
  readonly key: string;
  readonly label: string;
  readonly id: string | undefined;
}

/**
 * Carries out a plan in order: creations and changes resolve the ids of documents created earlier
 * in the same run; orphans are removed only when the plan says so.
 */
export async function applyPlan(audian: Audian, plan: Plan, onStep?: (applied: Applied) => void): Promise<Applied[]> {
  const cols = collections(audian);
  const ids = new Map<string, string | undefined>();
  for (const step of plan.steps)
    if (step.action !== 'create')
      ids.set(step.action === 'keep' || step.action === 'change' ? step.desired.key : step.key, step.current.id);
  const done: Applied[] = [];
  const record = (applied: Applied) => {
    done.push(applied);
    onStep?.(applied);
  };
  for (const step of plan.steps) {
    switch (step.action) {
      case 'create': {
        const d = step.desired;
        const body = { ...d.createOnly?.(ids), ...d.build(ids) };
        const created = await cols[d.kind].create(body);
        ids.set(d.key, created.id);
        record({ action: 'create', kind: d.kind, key: d.key, label: d.label, id: created.id });
        break;
      }
      case 'change': {
        const d = step.desired;
        const body = d.build(ids);
        const changed = await change(cols[d.kind], d, step.current, body, step.fields);
        record({ action: 'change', kind: d.kind, key: d.key, label: d.label, id: changed.id });
        break;
      }
      case 'keep':
        record({ action: 'keep', kind: step.desired.kind, key: step.desired.key, label: step.desired.label, id: step.current.id });
        break;
      case 'remove':
        await cols[step.kind].delete(step.current.id);
        record({ action: 'remove', kind: step.kind, key: step.key, label: documentLabel(step.current), id: step.current.id });
        break;
      case 'orphan':
        record({ action: 'orphan', kind: step.kind, key: step.key, label: documentLabel(step.current), id: step.current.id });
        break;
    }
  }
  return done;
}

function change(
  col: ReturnType<typeof collections>[Kind],
  d: Desired,
  current: Doc,
  body: Record<string, unknown>,
  fields: readonly string[],
): Promise<Doc> {
  if (fields.some((f) => d.replaceKeys?.includes(f))) {
    // A tree (a callflow's flow) must be replaced, not merged, or removed branches would linger.
    const { id: _id, _read_only: _ro, ...rest } = current;
    return col.update(current.id, { ...rest, ...body, ...d.withChange?.(fields) });
  }
  return col.patch(current.id, { ...Object.fromEntries(fields.map((f) => [f, body[f]])), ...d.withChange?.(fields) });
}
