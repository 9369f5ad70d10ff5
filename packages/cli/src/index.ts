// @audian/cli — the `audian` command; importable for tests and wrappers.

export { buildProgram, run } from './program';
