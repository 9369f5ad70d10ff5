import { type Document, type Node, visit } from 'yaml';

/**
 * `pin: 0042` reads as the number 42 in YAML; the spec's numbers are digit strings, so the source
 * text of such scalars is kept. Also used on a spec written inline in a fleet job file.
 */
export function keepLeadingZeros(node: Document | Node): void {
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'number' && typeof scalar.source === 'string' && /^0\d+$/.test(scalar.source))
        scalar.value = scalar.source;
    },
  });
}
