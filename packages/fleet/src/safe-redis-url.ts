/**
 * A Redis URL as it may be shown in messages and logs: its password replaced by `***` (a URL that
 * does not parse is not shown at all, since it may hold one anywhere).
 *
 * @example
 * ```ts
 * import { safeRedisUrl } from '@audian/fleet';
 *
 * safeRedisUrl('redis://:hunter2@queue.internal:6379'); // 'redis://:***@queue.internal:6379'
 * ```
 */
export function safeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(malformed URL)';
  }
}
