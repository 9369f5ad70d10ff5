// office-setup: provision an office from a declarative spec, idempotently. The spec, the plan and
// the apply are @audian/fleet's (an `apply` fleet job runs the same code in many accounts); this
// app shows them to a person.

export { describeOffice } from './office';
export { isNoop, renderApplied, renderPlan, table } from './render';
