import type { Audian } from '@audian/resources';
import type { OfficeKind } from '../../office-document.js';

/** A document as the API returns it. */
export type OfficeDoc = Record<string, unknown> & { id: string };

/** The part of a resource an office plan uses. */
export interface OfficeCollection {
  list(params?: unknown): { toArray(): Promise<{ id: string }[]> };
  get(id: string): Promise<OfficeDoc>;
  create(body: Record<string, unknown>): Promise<OfficeDoc>;
  patch(id: string, body: Record<string, unknown>): Promise<OfficeDoc>;
  update(id: string, body: Record<string, unknown>): Promise<OfficeDoc>;
  delete(id: string): Promise<unknown>;
}

// Every kind is a collection resource with these verbs (DESIGN.md §2); the client types each
// precisely, so one cast here.
export function officeCollections(audian: Audian): Record<OfficeKind, OfficeCollection> {
  const a = audian as unknown as Record<string, OfficeCollection>;
  return {
    user: a.users as OfficeCollection,
    device: a.devices as OfficeCollection,
    vmbox: a.vmboxes as OfficeCollection,
    media: a.media as OfficeCollection,
    temporal_rule: a.temporal_rules as OfficeCollection,
    menu: a.menus as OfficeCollection,
    callflow: a.callflows as OfficeCollection,
  };
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

/** The managed fields of `body` whose value `current` does not already hold. */
export function changedFields(body: Record<string, unknown>, current: Record<string, unknown>): string[] {
  return Object.keys(body).filter((k) => !matches(body[k], current[k]));
}
