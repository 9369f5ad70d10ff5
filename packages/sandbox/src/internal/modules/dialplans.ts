import type { JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';

/**
 * The sandbox's `system_config/dialplans`: regular expression → rewrite, the way an operator
 * configures it (a plan without `name` is listed under its regex). Fixed: there is no system
 * configuration API in the sandbox.
 */
const SYSTEM_DIALPLANS: Readonly<Record<string, JsonObject | readonly JsonObject[]>> = {
  '^(\\d{10})$': { name: 'US 10-digit', prefix: '+1' },
  '^1(\\d{10})$': { name: 'US 11-digit', prefix: '+' },
  '^(\\d{7})$': { prefix: '+1415' },
  '^0(\\d{9,10})$': [{ name: 'UK national', prefix: '+44' }],
};

/**
 * `cb_dialplans:maybe_add_name/2`: each plan keyed by its `name` with its regex added, or keyed by
 * its regex with `name` set to it; a list of plans under one regex gives one entry each.
 */
function dialplans(): JsonObject {
  const out: JsonObject = {};
  for (const [regex, value] of Object.entries(SYSTEM_DIALPLANS)) {
    for (const plan of Array.isArray(value) ? value : [value]) {
      const name = typeof plan.name === 'string' && plan.name !== '' ? plan.name : undefined;
      if (name) out[name] = { ...plan, regex };
      else out[regex] = { ...plan, name: regex };
    }
  }
  return out;
}

/** `cb_dialplans`: the system's dial plans, read only. */
export const dialplansModule = defineModule({
  name: 'dialplans',
  routes: [route('accounts/:account/dialplans', ['GET'], () => ({ data: dialplans(), envelope: { revision: 'automatic' } }))],
});
