import type { FaultRule } from '../sandbox-options';

interface ActiveFault {
  readonly id: string;
  readonly rule: FaultRule;
  readonly methods: ReadonlySet<string> | undefined;
  readonly path: RegExp | undefined;
  remaining: number;
}

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob.charAt(i);
    if (ch === '*' && glob.charAt(i + 1) === '*') {
      out += '.*';
      i++;
    } else if (ch === '*') out += '[^/]*';
    else out += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** The active fault rules; the first live rule matching a request applies to it. */
export class FaultInjector {
  readonly #faults: ActiveFault[] = [];
  #seq = 0;

  add(rule: FaultRule): string {
    const id = `fault-${++this.#seq}`;
    const method = rule.method === undefined ? undefined : Array.isArray(rule.method) ? rule.method : [rule.method as string];
    this.#faults.push({
      id,
      rule,
      methods: method ? new Set(method.map((m) => m.toUpperCase())) : undefined,
      path: rule.path === undefined ? undefined : rule.path instanceof RegExp ? rule.path : globToRegExp(rule.path),
      remaining: rule.times ?? Number.POSITIVE_INFINITY,
    });
    return id;
  }

  remove(id: string): boolean {
    const index = this.#faults.findIndex((f) => f.id === id);
    if (index >= 0) this.#faults.splice(index, 1);
    return index >= 0;
  }

  clear(): void {
    this.#faults.length = 0;
  }

  list(): { id: string; rule: FaultRule; remaining: number }[] {
    return this.#faults.map((f) => ({ id: f.id, rule: f.rule, remaining: f.remaining }));
  }

  /** The rule for this request, if any (its use is counted). */
  take(method: string, path: string): FaultRule | undefined {
    if (this.#faults.length === 0) return undefined;
    for (let i = 0; i < this.#faults.length; i++) {
      const f = this.#faults[i] as ActiveFault;
      if (f.methods && !f.methods.has(method)) continue;
      if (f.path) {
        f.path.lastIndex = 0;
        if (!f.path.test(path)) continue;
      }
      f.remaining--;
      if (f.remaining <= 0) this.#faults.splice(i, 1);
      return f.rule;
    }
    return undefined;
  }
}
