import type { CallflowChildren, CallflowModuleData, CallflowNode, CallflowTypedModule, CallflowTypedNode } from '../schemas/callflows.js';

/**
 * Builds one callflow node. For the typed modules (`user`, `device`, `ring_group`, `voicemail`,
 * `menu`, `temporal_route`, `play`, `record_call`, `callflow`, `offnet`, `resources`, `park`,
 * `page_group`, `conference`, `pivot`) `data` is checked by the compiler against that module's
 * settings; other modules take any object.
 *
 * @example
 * ```ts
 * import { callflowNode } from '@audian/resources';
 *
 * const flow = callflowNode('user', { id: userId, timeout: 20 }, {
 *   _: callflowNode('voicemail', { id: boxId }),
 * });
 * await audian.callflows.create({ name: 'Ada', numbers: ['1001'], flow });
 * ```
 */
export function callflowNode<M extends string>(
  module: M,
  data: M extends CallflowTypedModule ? CallflowModuleData[M] : { [key: string]: unknown },
  children?: CallflowChildren,
): CallflowNode<M> {
  return (children === undefined ? { module, data } : { module, data, children }) as CallflowNode<M>;
}

/**
 * Whether a node runs `module`; narrows the node so its `data` has that module's type.
 *
 * @example
 * ```ts
 * import { isCallflowModule } from '@audian/resources';
 *
 * const { flow } = await audian.callflows.get(callflowId);
 * if (flow && isCallflowModule(flow, 'ring_group')) console.log(flow.data.endpoints.length);
 * ```
 */
export function isCallflowModule<M extends CallflowTypedModule>(node: CallflowNode, module: M): node is CallflowTypedNode<M> {
  return node.module === module;
}
