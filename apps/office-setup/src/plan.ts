import type { Audian } from '@audian/resources';
import { type Desired, type Ids, KINDS, type Kind, MARKER } from './desired';

/** A document as the API returns it. */
export type Doc = Record<string, unknown> & { id: string };

/** The part of a resource office-setup uses. */
export interface Collection {
  list(params?: unknown): { toArray(): Promise<{ id: string }[]> };
  get(id: string): Promise<Doc>;
  create(body: Record<string, unknown>): Promise<Doc>;
  patch(id: string, body: Record<string, unknown>): Promise<Doc>;
  update(id: string, body: Record<string, unknown>): Promise<Doc>;
  delete(id: string): Promise<unknown>;
}

/** The collection behind each kind. */
export function collections(audian: Audian): Record<Kind, Collection> {
  const a = audian as unknown as Record<string, Collection>;
  return {
    user: a.users as Collection,
    device: a.devices as Collection,
    vmbox: a.vmboxes as Collection,
    media: a.media as Collection,
    temporal_rule: a.temporal_rules as Collection,
    menu: a.menus as Collection,
    callflow: a.callflows as Collection,
  };
}

/** What applying will do to one document. */
export type Step =
  | { readonly action: 'create'; readonly desired: Desired }
  | {
      readonly action: 'change';
      readonly desired: Desired;
      readonly current: Doc;
      readonly fields: readonly string[];
      /** The new value of each changed field (the old ones are in `current`). */
      readonly after: Readonly<Record<string, unknown>>;
    }
  | { readonly action: 'keep'; readonly desired: Desired; readonly current: Doc }
  | { readonly action: 'remove' | 'orphan'; readonly kind: Kind; readonly key: string; readonly current: Doc };

/** The plan: every step, in the order it will be applied. */
export interface Plan {
  readonly office: string;
  readonly steps: readonly Step[];
}

/** Reads what exists: every document carrying the office's marker, by key. */
export async function currentState(audian: Audian, office: string): Promise<Map<string, { kind: Kind; doc: Doc }>> {
  const cols = collections(audian);
  const found = new Map<string, { kind: Kind; doc: Doc }>();
  for (const kind of KINDS) {
    // Filters see the whole stored document, so the marker finds our documents; the listing
    // only shows summaries, hence the get of each.
    const items = await cols[kind].list({ filter: { [`${MARKER}.office`]: office } }).toArray();
    for (const item of items) {
      const doc = await cols[kind].get(item.id);
      const key = (doc[MARKER] as { key?: unknown } | undefined)?.key;
      if (typeof key === 'string') found.set(key, { kind, doc });
    }
  }
  return found;
}

/**
 * Compares the desired documents with what exists. A document whose managed fields all match is
 * kept; one that differs is changed (only the differing fields); a missing one is created.
 * Documents of this office that the spec no longer names are orphans (removed with `prune`).
 */
export function makePlan(
  office: string,
  desired: readonly Desired[],
  current: ReadonlyMap<string, { kind: Kind; doc: Doc }>,
  prune = false,
): Plan {
  const ids: Ids = new Map([...current].map(([key, { doc }]) => [key, doc.id]));
  const steps: Step[] = [];
  for (const d of desired) {
    const existing = current.get(d.key);
    if (!existing) {
      steps.push({ action: 'create', desired: d });
      continue;
    }
    const body = d.build(ids);
    const fields = Object.keys(body).filter((k) => !matches(body[k], existing.doc[k]));
    steps.push(
      fields.length
        ? { action: 'change', desired: d, current: existing.doc, fields, after: Object.fromEntries(fields.map((f) => [f, body[f]])) }
        : { action: 'keep', desired: d, current: existing.doc },
    );
  }
  const wanted = new Set(desired.map((d) => d.key));
  const orphans = [...current].filter(([key]) => !wanted.has(key));
  // Remove dependents first: callflows before the users they route to.
  orphans.sort(([, a], [, b]) => KINDS.indexOf(b.kind) - KINDS.indexOf(a.kind));
  for (const [key, { kind, doc }] of orphans) steps.push({ action: prune ? 'remove' : 'orphan', kind, key, current: doc });
  return { office, steps };
}

/** Whether `current` already holds everything `desired` says (extra fields are fine). */
export function matches(desired: unknown, current: unknown): boolean {
  if (Array.isArray(desired)) {
    return Array.isArray(current) && desired.length === current.length && desired.every((d, i) => matches(d, current[i]));
  }
  if (desired && typeof desired === 'object') {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return false;
    const c = current as Record<string, unknown>;
    const entries = Object.entries(desired as Record<string, unknown>);
    return entries.every(([k, v]) => matches(v, c[k])) && (Object.keys(desired).length > 0 || Object.keys(c).length === 0);
  }
  return desired === current;
}

/** How a person knows an existing document: its name (or a user's full name), then its office key. */
export function documentLabel(doc: Doc): string {
  const name = doc.name ?? [doc.first_name, doc.last_name].filter(Boolean).join(' ');
  const key = (doc[MARKER] as { key?: string } | undefined)?.key;
  return `${String(name || doc.id)}${key ? ` (${key})` : ''}`;
}
