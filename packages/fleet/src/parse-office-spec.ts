import { LineCounter, parseDocument } from 'yaml';
import { keepLeadingZeros } from './internal/office/keep-leading-zeros.js';
import { type OfficeSpec, OfficeSpecSchema } from './office-spec.js';
import { OfficeSpecError } from './office-spec-error.js';

/**
 * Parses and validates a YAML or JSON office spec. Problems are reported with `file:line:column`
 * so they can be fixed before anything is sent.
 *
 * @param fileName - the name used in the problems' locations
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { parseOfficeSpec } from '@audian/fleet';
 *
 * const spec = parseOfficeSpec(await readFile('office.yaml', 'utf8'), 'office.yaml');
 * ```
 * @throws OfficeSpecError listing every problem with its location
 */
export function parseOfficeSpec(text: string, fileName = 'spec'): OfficeSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new OfficeSpecError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return { location: `${fileName}:${pos?.line ?? 1}:${pos?.col ?? 1}`, path: '', message: e.message.split('\n')[0] ?? e.message };
      }),
    );
  }
  keepLeadingZeros(doc);
  const result = OfficeSpecSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new OfficeSpecError(
    result.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      // Point at the offending value, or at the closest parent that exists (a missing key).
      let node: unknown;
      for (let depth = path.length; depth >= 0 && !node; depth--) node = doc.getIn(path.slice(0, depth), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      const pos = range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
      return { location: `${fileName}:${pos.line}:${pos.col}`, path: formatPath(path), message: issue.message };
    }),
  );
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
