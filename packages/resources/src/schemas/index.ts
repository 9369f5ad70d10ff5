// @audian/resources/schemas — the zod (zod/mini) schemas of every resource, for validation in
// apps and in @audian/sandbox, without the client.

export { describeIssue, type SchemaIssue, validateBody } from '../validation.js';
export * from './devices.js';
export * from './exports-a.js';
export * from './exports-b.js';
export * from './generated/index.js';
export * from './users.js';
