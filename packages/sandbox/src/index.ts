// @audian/sandbox — a stateful local Audian API v2 (KAZOO Crossbar) on SQLite.

export { parseSandboxArgs, runSandboxCli, type SandboxCliIo } from './run-sandbox-cli';
export type {
  CallSettings,
  FaultKind,
  FaultRule,
  PlaceCallParams,
  RateLimitSettings,
  SandboxLogger,
  SandboxOptions,
  SandboxStats,
  ServiceCharge,
  ServicePlanSettings,
  SimulatedCallInfo,
  WebhookSettings,
} from './sandbox-options';
export { type ActiveFault, type PlacedCall, type Sandbox, type SandboxAccount, startSandbox } from './start-sandbox';
