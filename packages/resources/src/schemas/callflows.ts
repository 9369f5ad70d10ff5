import { type ArgumentIssue, InvalidArgumentError } from '@audian/core';
import * as z from 'zod/mini';
import { validateBody } from '../validation.js';
import { CallflowsSchema } from './generated/callflows.js';
import { CallflowsCallflowSchema } from './generated/callflows-callflow.js';
import { CallflowsConferenceSchema } from './generated/callflows-conference.js';
import { CallflowsDeviceSchema } from './generated/callflows-device.js';
import { CallflowsMenuSchema } from './generated/callflows-menu.js';
import { CallflowsOffnetSchema } from './generated/callflows-offnet.js';
import { CallflowsPageGroupSchema } from './generated/callflows-page-group.js';
import { CallflowsParkSchema } from './generated/callflows-park.js';
import { CallflowsPivotSchema } from './generated/callflows-pivot.js';
import { CallflowsPlaySchema } from './generated/callflows-play.js';
import { CallflowsRecordCallSchema } from './generated/callflows-record-call.js';
import { CallflowsResourcesSchema } from './generated/callflows-resources.js';
import { CallflowsRingGroupSchema } from './generated/callflows-ring-group.js';
import { CallflowsTemporalRouteSchema } from './generated/callflows-temporal-route.js';
import { CallflowsUserSchema } from './generated/callflows-user.js';
import { CallflowsVoicemailSchema } from './generated/callflows-voicemail.js';
import type { DeepPartialNullable } from './users.js';

/**
 * The `data` schema of each callflow module this SDK types. Crossbar validates every node's
 * `data` against `callflows.<module>`; the client does the same for these modules before sending.
 */
export const CALLFLOW_MODULE_SCHEMAS = {
  user: CallflowsUserSchema,
  device: CallflowsDeviceSchema,
  ring_group: CallflowsRingGroupSchema,
  voicemail: CallflowsVoicemailSchema,
  menu: CallflowsMenuSchema,
  temporal_route: CallflowsTemporalRouteSchema,
  play: CallflowsPlaySchema,
  record_call: CallflowsRecordCallSchema,
  callflow: CallflowsCallflowSchema,
  offnet: CallflowsOffnetSchema,
  resources: CallflowsResourcesSchema,
  park: CallflowsParkSchema,
  page_group: CallflowsPageGroupSchema,
  conference: CallflowsConferenceSchema,
  pivot: CallflowsPivotSchema,
} as const;

/** A callflow module whose node `data` is typed and checked client-side. */
export type CallflowTypedModule = keyof typeof CALLFLOW_MODULE_SCHEMAS;

/** The `data` of each typed module, as sent (defaults optional). */
export type CallflowModuleData = { [M in CallflowTypedModule]: z.input<(typeof CALLFLOW_MODULE_SCHEMAS)[M]> };

/** The branches of a node: child nodes keyed by the branch (`"_"` is the default branch, menus use digits). */
export type CallflowChildren = { [branch: string]: CallflowNode };

/** A node of a typed module: `data` is that module's settings (send `{}` when there are none). */
export type CallflowTypedNode<M extends CallflowTypedModule> = {
  module: M;
  data: CallflowModuleData[M];
  children?: CallflowChildren;
  [key: string]: unknown;
};

/** A node of any other module: `data` is not typed (Crossbar still checks it on the server). */
export type CallflowGenericNode = {
  module: string;
  data?: { [key: string]: unknown };
  children?: CallflowChildren;
  [key: string]: unknown;
};

/**
 * A node of a callflow's `flow` tree: `{ module, data, children }`. `CallflowNode<'ring_group'>`
 * is the node of one module; plain `CallflowNode` is any node (typed modules or others). Because
 * any module name is allowed, build nodes with `callflowNode()` (which types `data` by module)
 * and narrow read nodes with `isCallflowModule()`.
 */
export type CallflowNode<M extends string = string> = string extends M
  ? { [K in CallflowTypedModule]: CallflowTypedNode<K> }[CallflowTypedModule] | CallflowGenericNode
  : M extends CallflowTypedModule
    ? CallflowTypedNode<M>
    : CallflowGenericNode & { module: M };

/** Checks a node's `data` against its module's schema, reporting issues under `data.…`. */
function checkNodeData(node: { module?: unknown; data?: unknown }, ctx: z.core.$RefinementCtx<unknown>): void {
  const schema = typeof node.module === 'string' ? (CALLFLOW_MODULE_SCHEMAS as Record<string, z.ZodMiniType>)[node.module] : undefined;
  if (!schema) return;
  const result = z.safeParse(schema, node.data ?? {}, { reportInput: true });
  if (result.success) return;
  for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: ['data', ...issue.path] } as never);
}

/**
 * One node of a callflow's flow tree, checked recursively: `module` is a non-empty name (at most
 * 64 characters), `data` an object validated against the module's schema for the typed modules,
 * `children` more nodes keyed by branch.
 */
export const CallflowNodeSchema: z.ZodMiniType<CallflowNode, CallflowNode> = z
  .looseObject({
    module: z.string().check(z.minLength(1), z.maxLength(64)),
    data: z.optional(z.looseObject({})),
    children: z.optional(
      z.record(
        z.string(),
        z.lazy(() => CallflowNodeSchema),
      ),
    ),
  })
  .check(z.superRefine(checkNodeData)) as unknown as z.ZodMiniType<CallflowNode, CallflowNode>;

/**
 * A callflow document. Crossbar requires at least one of `numbers` (unique in the account;
 * DID-like numbers are normalised to E.164) or `patterns` (regular expressions). `flow` is the
 * tree of nodes run for a matching call. Defaults: `numbers: []`, `patterns: []`.
 */
export const CallflowSchema = z.extend(CallflowsSchema, { flow: z.optional(CallflowNodeSchema) });

/**
 * What a PATCH may carry: a patch is merged into the stored document, so a partial `flow` is
 * legitimate and its nodes are checked only for their shape; `update()` checks full nodes.
 */
const CallflowPatchSchema = z.extend(CallflowsSchema, {
  flow: z.optional(
    z.looseObject({
      module: z.optional(z.string()),
      data: z.optional(z.looseObject({})),
      children: z.optional(z.record(z.string(), z.looseObject({}))),
    }),
  ),
});

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/callflows` (KAZOO's `crossbar_listing` view). */
export const CallflowSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  numbers: z.optional(z.array(z.string())),
  patterns: z.optional(z.array(z.string())),
  /** `false` when the callflow is not a feature code. */
  featurecode: z.optional(z.union([z.literal(false), z.looseObject({ name: z.optional(z.string()), number: z.optional(z.string()) })])),
  /** The modules used in the flow (skipped nodes left out), each once. */
  modules: z.optional(z.array(z.string())),
  flags: z.optional(z.array(z.string())),
  type: z.optional(z.string()),
  owner_id: z.optional(z.string()),
  group_id: z.optional(z.string()),
});

/** What `callflows.create()` and `callflows.update()` take: `numbers` or `patterns` must be non-empty. */
export type CallflowCreateParams = z.input<typeof CallflowSchema>;
/** A callflow as the API returns it. */
export type Callflow = CallflowCreateParams & { readonly id: string };
/** What `callflows.patch()` takes (a partial `flow` is merged into the stored one). */
export type CallflowPatchParams = DeepPartialNullable<z.input<typeof CallflowsSchema>> & { flow?: { [key: string]: unknown } | null };
/** One item of the callflows listing. */
export type CallflowSummary = z.output<typeof CallflowSummarySchema>;

function isEmptyList(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

function routingIssue(value: unknown, mode: 'full' | 'patch'): ArgumentIssue | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const doc = value as Record<string, unknown>;
  // A patch is merged into the stored callflow: only clearing both lists is certainly wrong.
  if (mode === 'patch' && !('numbers' in doc && 'patterns' in doc)) return undefined;
  if (!isEmptyList(doc.numbers) || !isEmptyList(doc.patterns)) return undefined;
  return { path: 'numbers', code: 'required', message: 'numbers or patterns is required: a callflow needs at least one number or pattern' };
}

function invalid(issues: readonly ArgumentIssue[]): InvalidArgumentError {
  const shown = issues.slice(0, 8).map((i) => i.message);
  const more = issues.length > 8 ? ` (+${issues.length - 8} more)` : '';
  return new InvalidArgumentError(
    issues.length === 1 ? `data.${issues[0]?.path}` : 'data',
    `invalid callflow: ${shown.join('; ')}${more}`,
    issues,
  );
}

/**
 * Checks a callflow body the way Crossbar does, before anything is sent: the document schema,
 * every flow node's `data` against its module's schema (for the typed modules), and that the
 * callflow has at least one number or pattern. `patch` checks only what is sent.
 *
 * @throws InvalidArgumentError naming every offending field (`flow.children._.data.endpoints`, `numbers`, …)
 *
 * @example
 * ```ts
 * import { validateCallflow } from '@audian/resources/schemas';
 *
 * validateCallflow({ flow: { module: 'user', data: { id: userId } } }, 'full'); // throws: numbers or patterns is required
 * ```
 */
export function validateCallflow(value: unknown, mode: 'full' | 'patch'): void {
  const routing = routingIssue(value, mode);
  try {
    validateBody(mode === 'full' ? CallflowSchema : CallflowPatchSchema, value, mode, 'callflow');
  } catch (error) {
    if (routing && error instanceof InvalidArgumentError) throw invalid([...error.issues, routing]);
    throw error;
  }
  if (routing) throw invalid([routing]);
}
