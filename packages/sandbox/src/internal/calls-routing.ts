import { boundedTest } from './bounded-regex';
import { temporalRuleMatches } from './calls-temporal';
import { toE164 } from './e164';
import type { Engine } from './engine';
import { isObject, type JsonObject } from './json';
import type { StoredDoc } from './store';

/** A callflow node (`flow` and its `children`): `{ module, data, children }`. */
export interface FlowNode {
  readonly module: string;
  readonly data: JsonObject;
  readonly children: Readonly<Record<string, FlowNode>>;
}

/** A device a call rings, with what its leg shows (`kz_endpoint:build/3`, trimmed to what the events carry). */
export interface RingTarget {
  readonly deviceId: string;
  readonly ownerId: string | undefined;
  /** The SIP username the leg is sent to (`destination`, `username` of the channel). */
  readonly username: string;
  /** The callee name and number the leg shows: the owner's (else the device's) internal caller id. */
  readonly name: string;
  readonly number: string;
  /** `presence_id` of the leg: the owner's, else `username`, at the realm. */
  readonly presenceId: string;
}

/** The live document of a type, or undefined. */
export function liveDoc(engine: Engine, accountId: string, id: unknown, type: string): StoredDoc | undefined {
  if (typeof id !== 'string' || id === '') return undefined;
  const doc = engine.store.get(accountId, id);
  return doc && !doc.deleted && doc.type === type ? doc : undefined;
}

/** A stored flow as a node tree (unknown shapes become empty nodes, as `cf_exe` skips them). */
export function toNode(value: unknown): FlowNode | undefined {
  if (!isObject(value) || typeof value.module !== 'string') return undefined;
  const children: Record<string, FlowNode> = {};
  if (isObject(value.children)) {
    for (const [key, child] of Object.entries(value.children)) {
      const node = toNode(child);
      if (node) children[key] = node;
    }
  }
  return { module: value.module, data: isObject(value.data) ? value.data : {}, children };
}

/**
 * The callflow a dialled number reaches (`cf_flow:lookup/2`): a callflow listing the number
 * (as dialled or normalised to E.164), else the first whose `patterns` match it.
 */
export function findCallflow(engine: Engine, accountId: string, number: string): StoredDoc | undefined {
  const flows = engine.store.children(accountId, 'callflow', '');
  const wanted = new Set([number, toE164(number)]);
  const exact = flows.find((f) => Array.isArray(f.body.numbers) && f.body.numbers.some((n) => wanted.has(String(n))));
  if (exact) return exact;
  return flows.find((f) => Array.isArray(f.body.patterns) && f.body.patterns.some((p) => typeof p === 'string' && boundedTest(p, number)));
}

function realmOf(engine: Engine, accountId: string): string {
  return String(engine.account(accountId)?.body.realm ?? 'sandbox.sip.local');
}

function internalCallerId(doc: JsonObject | undefined): { name?: string; number?: string } {
  const caller = isObject(doc?.caller_id) && isObject(doc.caller_id.internal) ? doc.caller_id.internal : {};
  return {
    name: typeof caller.name === 'string' ? caller.name : undefined,
    number: typeof caller.number === 'string' ? caller.number : undefined,
  };
}

/** The leg a device would get, or undefined when it cannot ring (deleted, disabled). */
export function deviceTarget(engine: Engine, accountId: string, deviceId: string): RingTarget | undefined {
  const device = liveDoc(engine, accountId, deviceId, 'device');
  if (!device || device.body.enabled === false) return undefined;
  const owner = liveDoc(engine, accountId, device.body.owner_id, 'user');
  if (owner && owner.body.enabled === false) return undefined;
  const realm = realmOf(engine, accountId);
  const sip = isObject(device.body.sip) ? device.body.sip : {};
  const username = String(sip.username ?? device.body.name ?? deviceId);
  const ownerCid = internalCallerId(owner?.body);
  const deviceCid = internalCallerId(device.body);
  const ownerName = owner ? `${String(owner.body.first_name ?? '')} ${String(owner.body.last_name ?? '')}`.trim() : '';
  const presence = typeof owner?.body.presence_id === 'string' ? owner.body.presence_id : username;
  return {
    deviceId,
    ownerId: owner?.id,
    username,
    name: ownerCid.name ?? deviceCid.name ?? (ownerName || String(device.body.name ?? username)),
    number: ownerCid.number ?? deviceCid.number ?? presence,
    presenceId: presence.includes('@') ? presence : `${presence}@${realm}`,
  };
}

/** The devices a user owns that can ring (`kz_attributes:owned_by/3` on `device`). */
export function userTargets(engine: Engine, accountId: string, userId: string): RingTarget[] {
  if (!liveDoc(engine, accountId, userId, 'user')) return [];
  return engine.store
    .children(accountId, 'device', '')
    .filter((d) => d.body.owner_id === userId)
    .map((d) => deviceTarget(engine, accountId, d.id))
    .filter((t): t is RingTarget => t !== undefined);
}

function endpointTargets(engine: Engine, accountId: string, id: string, type: string, seen: Set<string>): RingTarget[] {
  if (seen.has(id)) return [];
  seen.add(id);
  if (type === 'user') return userTargets(engine, accountId, id);
  if (type === 'device') {
    const target = deviceTarget(engine, accountId, id);
    return target ? [target] : [];
  }
  if (type === 'group') {
    const group = liveDoc(engine, accountId, id, 'group');
    const endpoints = isObject(group?.body.endpoints) ? group.body.endpoints : {};
    return Object.entries(endpoints).flatMap(([memberId, member]) =>
      endpointTargets(engine, accountId, memberId, isObject(member) ? String(member.type ?? 'device') : 'device', seen),
    );
  }
  return [];
}

/**
 * The devices a `user`, `device` or `ring_group` node rings (`cf_user`, `cf_device`,
 * `cf_ring_group`: a group's members expanded, each device once).
 */
export function ringTargets(engine: Engine, accountId: string, node: FlowNode): RingTarget[] {
  const seen = new Set<string>();
  const id = typeof node.data.id === 'string' ? node.data.id : '';
  let targets: RingTarget[] = [];
  if (node.module === 'user') targets = endpointTargets(engine, accountId, id, 'user', seen);
  else if (node.module === 'device') targets = endpointTargets(engine, accountId, id, 'device', seen);
  else if (node.module === 'ring_group') {
    const endpoints = Array.isArray(node.data.endpoints) ? node.data.endpoints : [];
    targets = endpoints.flatMap((e) =>
      isObject(e) && typeof e.id === 'string' ? endpointTargets(engine, accountId, e.id, String(e.endpoint_type ?? 'device'), seen) : [],
    );
  }
  const unique = new Map(targets.map((t) => [t.deviceId, t]));
  return [...unique.values()];
}

/** How long a node rings before giving up, in seconds (`timeout`, KAZOO's default 20). */
export function ringTimeoutS(node: FlowNode): number {
  const timeout = node.data.timeout;
  return typeof timeout === 'number' && timeout > 0 ? timeout : 20;
}

/**
 * The branch a `menu` node takes when the caller presses the first option offered: the lowest
 * digit key among its children, else the timeout branch `_`.
 */
export function menuBranch(node: FlowNode): FlowNode | undefined {
  const digits = Object.keys(node.children)
    .filter((k) => k !== '_')
    .sort();
  const first = digits[0];
  return first !== undefined ? node.children[first] : node.children._;
}

/**
 * The branch a `temporal_route` node takes (`cf_temporal_route`): the child keyed by the first of
 * its `rules` (temporal rule ids, or the rules of a `temporal_rules_sets` document) that holds on the
 * account's clock (`timezone` of the node, else of the account), else `_`.
 */
export function temporalBranch(engine: Engine, accountId: string, node: FlowNode, unixMs: number): FlowNode | undefined {
  const account = engine.account(accountId);
  const timezone = String(node.data.timezone ?? account?.body.timezone ?? 'America/Los_Angeles');
  const ruleIds = Array.isArray(node.data.rules) ? node.data.rules.map(String) : [];
  if (typeof node.data.rule_set === 'string') {
    const set = liveDoc(engine, accountId, node.data.rule_set, 'temporal_rule_set');
    if (set && Array.isArray(set.body.temporal_rules)) ruleIds.push(...set.body.temporal_rules.map(String));
  }
  for (const id of ruleIds) {
    const rule = liveDoc(engine, accountId, id, 'temporal_rule');
    if (rule && temporalRuleMatches(rule.body, unixMs, timezone)) return node.children[id] ?? node.children[node.data.rule_set as string];
  }
  return node.children._;
}
