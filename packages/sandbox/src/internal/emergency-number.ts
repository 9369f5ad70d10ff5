import { toE164 } from './e164';
import { isObject, type JsonObject } from './json';

/** `kzd_module_utils:maybe_normalize_emergency_caller_id_number/1` (users and devices). */
export function normalizeEmergencyNumber(doc: JsonObject): void {
  const emergency = isObject(doc.caller_id) && isObject(doc.caller_id.emergency) ? doc.caller_id.emergency : undefined;
  if (emergency && typeof emergency.number === 'string' && emergency.number !== '') emergency.number = toE164(emergency.number);
}
