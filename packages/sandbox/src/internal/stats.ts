import type { SandboxStats } from '../sandbox-options';

const ID_SEGMENT = /^([0-9a-f]{32}|\d{6}-[0-9a-f]{32}|\+?\d{4,15}|[0-9a-f]{32}-[0-9a-zA-Z_-]+)$/;

/** `PUT /v2/accounts/{account_id}/users` from `PUT /v2/accounts/3f…/users`. */
export function routeKey(method: string, path: string): string {
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i > 0 && parts[i - 1] === 'accounts' && parts[i - 2] === 'v2' && part !== '') parts[i] = '{account_id}';
    else if (ID_SEGMENT.test(part) || (part.startsWith('%2B') && part.length > 6)) parts[i] = '{id}';
  }
  return `${method} ${parts.join('/')}`;
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

/** The request counters behind `sandbox.stats()`. */
export class RequestStats {
  total = 0;
  byMethod: Record<string, number> = {};
  byRoute: Record<string, number> = {};
  byStatus: Record<string, number> = {};
  faults: Record<string, number> = {};

  request(method: string, path: string): void {
    this.total++;
    bump(this.byMethod, method);
    bump(this.byRoute, routeKey(method, path));
  }

  status(status: number | 'dropped'): void {
    bump(this.byStatus, String(status));
  }

  fault(kind: string): void {
    bump(this.faults, kind);
  }

  snapshot(): SandboxStats {
    return {
      total: this.total,
      byMethod: { ...this.byMethod },
      byRoute: { ...this.byRoute },
      byStatus: { ...this.byStatus },
      faults: { ...this.faults },
    };
  }

  reset(): void {
    this.total = 0;
    this.byMethod = {};
    this.byRoute = {};
    this.byStatus = {};
    this.faults = {};
  }
}
