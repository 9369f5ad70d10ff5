// @audian/sandbox — a stateful local Audian API v2 (KAZOO Crossbar) on SQLite.

export { parseSandboxArgs, runSandboxCli, type SandboxCliIo } from './run-sandbox-cli';
export type {
  FaultKind,
  FaultRule,
  RateLimitSettings,
  SandboxLogger,
  SandboxOptions,
  SandboxStats,
  ServiceCharge,
  ServicePlanSettings,
} from './sandbox-options';
export { type ActiveFault, type Sandbox, type SandboxAccount, startSandbox } from './start-sandbox';
