// @audian/cli — the `audian` command; importable for tests and wrappers.

export { EXIT_CODES, type ExitCode } from './internal/cli-error';
export { buildFullProgram, buildProgram, type ResourceStub, run } from './program';
