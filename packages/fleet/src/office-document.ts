/** The kinds of documents an office is made of, in the order they can be created. */
export const OFFICE_KINDS = ['user', 'device', 'vmbox', 'media', 'temporal_rule', 'menu', 'callflow'] as const;

/** One of {@link OFFICE_KINDS}. */
export type OfficeKind = (typeof OFFICE_KINDS)[number];

/**
 * The custom field that marks a document as part of an office, and which spec entry made it:
 * `office_setup: { office, key }`. Crossbar filters see custom fields, so this is how an office's
 * documents are found again — and how a create is looked up before it is sent.
 */
export const OFFICE_MARKER = 'office_setup';

/** Ids of the office's documents by key; `undefined` while a document does not exist yet. */
export type OfficeIds = ReadonlyMap<string, string | undefined>;

/**
 * One document an office needs, as `planOffice()` derives it from the spec.
 *
 * @example
 * ```ts
 * import { planOffice } from '@audian/fleet';
 *
 * for (const step of (await planOffice(audian, spec)).steps) if (step.action === 'create') console.log(step.desired.label);
 * ```
 */
export interface OfficeDocument {
  readonly kind: OfficeKind;
  /** Stable identity within the office: `user:1001`, `device:1001:0`, `callflow:main`. */
  readonly key: string;
  /** What a person calls it, for the plan. */
  readonly label: string;
  /** Keys of documents whose ids this one refers to. */
  readonly deps: readonly string[];
  /** The document's managed fields, given the ids of its dependencies. */
  build(ids: OfficeIds): Record<string, unknown>;
  /** Fields sent only when creating (generated secrets): never compared or overwritten later. */
  readonly createOnly?: (ids: OfficeIds) => Record<string, unknown>;
  /** Fields replaced wholesale on change (a callflow's tree) rather than merged. */
  readonly replaceKeys?: readonly string[];
  /** Fields sent along with a change of `fields` (a new username needs a password). */
  readonly withChange?: (fields: readonly string[]) => Record<string, unknown>;
}
