// @audian/cli — the `audian` command; importable for tests, wrappers and tools that share its login.

export { CliError, EXIT_CODES, type ExitCode } from './internal/cli-error';
export { createProfileClient, type ProfileClient, type ProfileClientOptions } from './profile-client';
export { buildFullProgram, buildProgram, type ResourceStub, run } from './program';
