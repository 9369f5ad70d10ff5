#!/usr/bin/env node
// Writes packages/resources/src/internal/lazy-resources.generated.ts: for every resource class of
// the client, a factory of the object `audian.<resource>` is until the class has loaded — the same
// methods, each loading the class on first use and then forwarding to it. Each class gets a shape
// (member → how it forwards) typed `Shape<Users>` against the class, so tsc fails when one is
// stale; the client's getters build the objects from them. A bundle holds a few bytes per method
// instead of every class.
//
//   node tools/codegen/lazy-resources.mjs [--check]
//
// It reads the TypeScript types with the compiler API: a method returning a `PagePromise` gets a
// listing that stays lazy, one returning an `APIPromise` keeps `withResponse()`, one returning a
// sub-resource object (`vmboxes.messages(id)`, `faxes.inbox`) gets a lazy object of its own.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = join(root, 'packages/resources');
const require = createRequire(join(root, 'package.json'));
const ts = require('typescript');
const check = process.argv.includes('--check');
const outFile = join(pkg, 'src/internal/lazy-resources.generated.ts');

const configPath = join(pkg, 'tsconfig.json');
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const program = ts.createProgram({ rootNames: [join(pkg, 'src/registry.ts')], options: { ...config.options, noEmit: true } });
const checker = program.getTypeChecker();
const registryFile = program.getSourceFile(join(pkg, 'src/registry.ts'));
const registrySymbol = checker.getSymbolAtLocation(registryFile);
const resourcesExport = checker.getExportsOfModule(registrySymbol).find((s) => s.name === 'RESOURCES');
const resourcesType = checker.getTypeOfSymbolAtLocation(resourcesExport, registryFile);

/** Class name → { file, members }, for every resource class and sub-resource class reached. */
const classes = new Map();

const isPublic = (prop) => {
  const decl = prop.valueDeclaration ?? prop.declarations?.[0];
  const flags = decl ? ts.getCombinedModifierFlags(decl) : 0;
  const name = prop.getName();
  return !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) && !name.startsWith('__') && !name.startsWith('#');
};

/** Records the class of `type` and its members: 'pages' | 'api' | 'promise' | { sub, property }. */
function visit(type, where) {
  type = unwrap(type);
  const symbol = type.getSymbol();
  const name = symbol?.getName();
  const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (!name || !decl || !(ts.isClassDeclaration(decl) || ts.isInterfaceDeclaration(decl)))
    throw new Error(`${where}: expected a resource class or interface, got ${checker.typeToString(type)}`);
  if (classes.has(name)) return name;
  const entry = { file: decl.getSourceFile().fileName, members: new Map() };
  classes.set(name, entry);
  for (const prop of checker.getPropertiesOfType(type)) {
    if (!isPublic(prop) || prop.flags & ts.SymbolFlags.Prototype) continue;
    const member = prop.getName();
    if (member === 'toJSON') {
      entry.toJSON = true;
      continue;
    }
    const propType = checker.getTypeOfSymbolAtLocation(prop, prop.valueDeclaration ?? registryFile);
    const signatures = propType.getCallSignatures();
    if (!signatures.length) {
      entry.members.set(member, { sub: visit(propType, `${name}.${member}`), property: true });
      continue;
    }
    const returned = checker.getReturnTypeOfSignature(signatures[0]);
    const text = checker.typeToString(returned);
    const returnedName = returned.getSymbol()?.getName() ?? returned.aliasSymbol?.getName();
    if (returnedName === 'PagePromise') entry.members.set(member, 'pages');
    else if (returnedName === 'APIPromise') entry.members.set(member, 'api');
    else if (returnedName === 'Promise') entry.members.set(member, 'promise');
    else if (returned.aliasSymbol?.getName() === 'ResourceMethods')
      entry.members.set(member, { sub: visit(returned, `${name}.${member}()`), property: false });
    else
      throw new Error(
        `${name}.${member}: a resource method must return an APIPromise, a Promise, a PagePromise or a sub-resource, not ${text}`,
      );
  }
  return name;
}

/** `ResourceMethods<X>` → `X` (sub-resources are declared with the type the client shows). */
function unwrap(type) {
  return type.aliasSymbol?.getName() === 'ResourceMethods' ? type.aliasTypeArguments[0] : type;
}

const resources = [];
for (const prop of checker.getPropertiesOfType(resourcesType)) {
  const ctor = checker.getTypeOfSymbolAtLocation(prop, registryFile);
  const instance = checker.getReturnTypeOfSignature(ctor.getConstructSignatures()[0]);
  resources.push({ wire: prop.getName(), cls: visit(instance, prop.getName()) });
}

const shapeName = (cls) => `${cls.replace(/^./, (c) => c.toLowerCase())}Shape`;
const importPath = (file) => `../${relative(join(pkg, 'src'), file).replace(/\.ts$/, '.js')}`;
const KIND = { pages: 'PAGES', api: 'API', promise: 'CALL' };

/** The shape of `cls`: one `member: KIND` line per member (a sub-resource names its own shape). */
function shape(cls) {
  const entry = classes.get(cls);
  const lines = [];
  for (const [member, kind] of [...entry.members].sort(([a], [b]) => a.localeCompare(b))) {
    if (typeof kind === 'string') lines.push(`  ${member}: ${KIND[kind]},`);
    else lines.push(`  ${member}: ${kind.property ? shapeName(kind.sub) : `[${shapeName(kind.sub)}]`},`);
  }
  if (entry.toJSON) lines.push(`  toJSON: '${cls}',`);
  return lines;
}

// Sub-resources' shapes come before the shapes that name them (module constants are read in order).
const ordered = [];
const place = (cls) => {
  if (ordered.includes(cls)) return;
  for (const kind of classes.get(cls).members.values()) if (typeof kind === 'object') place(kind.sub);
  ordered.push(cls);
};
for (const cls of [...classes.keys()].sort()) place(cls);

const lines = [
  '// Generated by `pnpm generate:lazy` (tools/codegen/lazy-resources.mjs) from the resource classes.',
  '// Do not edit: change a class, then regenerate (tsc and `pnpm check` fail when this file is stale).',
  "import type { ResourceMethods } from '../resource-methods.js';",
  "import { API, CALL, lazyObject, once, PAGES, type Shape } from './deferred.js';",
  "import type { ResourceContext } from './resource-base.js';",
  ...[...classes.keys()].sort().map((cls) => `import type { ${cls} } from '${importPath(classes.get(cls).file)}';`),
  '',
];
for (const cls of ordered) {
  lines.push(`/** How \`${cls}\`'s lazy object forwards each member. */`);
  lines.push(`const ${shapeName(cls)}: Shape<${cls}> = {`, ...shape(cls), '};', '');
}
const byWire = resources.sort((a, b) => a.wire.localeCompare(b.wire));
lines.push(
  '/**',
  ' * The resources of the client, one property per Crossbar resource, by wire name: the type of',
  ' * `audian.users` is `ResourceMethods<Users>`.',
  ' *',
  ' * @example',
  ' * ```ts',
  " * import type { AudianResources } from '@audian/resources';",
  ' *',
  " * const name: keyof AudianResources = 'phone_numbers';",
  ' * ```',
  ' */',
  'export interface AudianResources {',
  ...byWire.map(({ wire, cls }) => `  readonly ${wire}: ResourceMethods<${cls}>;`),
  '}',
  '',
);
lines.push('/** Each resource of the client, by wire name: its lazy object, loading its class on first use. */');
lines.push('export const LAZY_RESOURCES: { readonly [K in keyof AudianResources]: (ctx: ResourceContext) => AudianResources[K] } = {');
for (const { wire, cls } of byWire) {
  lines.push(
    `  ${wire}: (ctx) =>`,
    `    lazyObject(once(() => import('${importPath(classes.get(cls).file)}').then((m) => new m.${cls}(ctx))), ${shapeName(cls)}),`,
  );
}
lines.push('};', '');

const text = lines.join('\n');
if (check) {
  let current = '';
  try {
    current = readFileSync(outFile, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('src/internal/lazy-resources.generated.ts is stale: run pnpm generate:lazy');
    process.exit(1);
  }
  console.log('lazy resources are up to date');
} else {
  writeFileSync(outFile, text);
  console.log(`wrote ${outFile} (${resources.length} resources, ${classes.size} classes)`);
}
