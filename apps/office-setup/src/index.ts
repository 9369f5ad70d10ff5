// office-setup: provision an office from a declarative spec, idempotently.

export { type Applied, applyPlan } from './apply';
export { type Desired, desiredState, KINDS, type Kind, MARKER } from './desired';
export { applyOffice, describeOffice, planOffice } from './office';
export { currentState, makePlan, matches, type Plan, type Step } from './plan';
export { isNoop, renderApplied, renderPlan, table } from './render';
export { type OfficeSpec, OfficeSpecSchema, parseSpec, SpecError } from './spec';
