import { createContext, Script } from 'node:vm';

/** Longest pattern compiled; longer ones never match. */
const MAX_PATTERN_LENGTH = 1_000;
/** Longest input tested; longer inputs never match. */
const MAX_INPUT_LENGTH = 256;
/**
 * A match that runs longer than this is abandoned as not matching. Wall-clock time: on a loaded
 * machine a harmless match can be descheduled for tens of milliseconds, so the limit leaves room.
 */
const TIME_LIMIT_MS = 200;

const realm = createContext(Object.create(null));
const run = new Script('pattern.test(input)');

/**
 * Tests an owner-supplied regular expression against untrusted input without letting a
 * pathological pattern (`(a+)+$`) hold the event loop: the pattern and input are bounded in
 * length and the match runs under a time limit (V8 interrupts a backtracking match). An invalid,
 * oversized or abandoned match counts as no match, as Erlang's `re:run` answers `nomatch` when its
 * match limit is hit.
 */
export function boundedTest(pattern: string, input: string): boolean {
  if (pattern.length > MAX_PATTERN_LENGTH || input.length > MAX_INPUT_LENGTH) return false;
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern);
  } catch {
    return false;
  }
  realm.pattern = compiled;
  realm.input = input;
  try {
    return run.runInContext(realm, { timeout: TIME_LIMIT_MS }) === true;
  } catch {
    return false;
  } finally {
    realm.pattern = undefined;
    realm.input = undefined;
  }
}
