import { PagePromise } from '@audian/core';

type Kind = 'promise' | 'pages' | { readonly sub: Shape; readonly property: boolean };
type Shape = ReadonlyMap<string, Kind>;

const parsed = new Map<string, Shape>();

/** Parses a generated shape string (`get list* messages{list* get}` …, see shapes.generated.ts). */
export function parseShape(text: string): Shape {
  const cached = parsed.get(text);
  if (cached) return cached;
  let i = 0;
  const read = (): Shape => {
    const shape = new Map<string, Kind>();
    while (i < text.length && text[i] !== '}') {
      if (text[i] === ' ') {
        i++;
        continue;
      }
      let name = '';
      while (i < text.length && /[\w$]/.test(text[i] as string)) name += text[i++];
      if (text[i] === '*') {
        i++;
        shape.set(name, 'pages');
      } else if (text[i] === '{' || (text[i] === '=' && text[i + 1] === '{')) {
        const property = text[i] === '=';
        i += property ? 2 : 1;
        const sub = read();
        i++; // '}'
        shape.set(name, { sub, property });
      } else {
        shape.set(name, 'promise');
      }
    }
    return shape;
  };
  const shape = read();
  parsed.set(text, shape);
  return shape;
}

/**
 * An object with the methods of a resource whose class has not been loaded yet: each call loads
 * it (once), then forwards. Listings are returned at once, still lazy (`PagePromise.defer`), and
 * sub-resources (`vmboxes.messages(id)`, `faxes.inbox`) are facades of their own.
 */
export function facade<T extends object>(target: () => Promise<object>, shape: Shape): T {
  const out: Record<string, unknown> = {};
  for (const [name, kind] of shape) {
    const call = (args: unknown[]) => target().then((t) => (t as Record<string, (...a: unknown[]) => unknown>)[name]?.(...args));
    if (kind === 'promise') {
      out[name] = (...args: unknown[]) => call(args);
    } else if (kind === 'pages') {
      out[name] = (...args: unknown[]) =>
        PagePromise.defer(() =>
          target().then(
            (t) => () => (t as Record<string, (...a: unknown[]) => PagePromise<unknown>>)[name]?.(...args) as PagePromise<unknown>,
          ),
        );
    } else if (kind.property) {
      let sub: object | undefined;
      Object.defineProperty(out, name, {
        get: () => {
          sub ??= facade(() => target().then((t) => (t as Record<string, object>)[name] as object), kind.sub);
          return sub;
        },
        enumerable: true,
      });
    } else {
      out[name] = (...args: unknown[]) => {
        let sub: Promise<object> | undefined;
        // The sub-resource is made once per call of the method, when first used.
        return facade(
          () => (sub ??= target().then((t) => (t as Record<string, (...a: unknown[]) => object>)[name]?.(...args) as object)),
          kind.sub,
        );
      };
    }
  }
  return out as T;
}
