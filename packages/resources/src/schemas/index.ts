// @audian/resources/schemas — the zod (zod/mini) schemas of every resource, for validation in
// apps and in @audian/sandbox, without the client.

export { describeIssue, type SchemaIssue, validateBody } from '../validation';
export * from './devices';
export * from './exports-a';
export * from './exports-b';
export * from './generated/index';
export * from './users';
