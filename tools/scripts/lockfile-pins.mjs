// Reads the workspace's pnpm-lock.yaml and returns pnpm `overrides` that pin every package the
// published packages depend on (directly or transitively) to the exact version the lockfile holds.
//
// The release rehearsal installs the packed tarballs into a scratch project that has no lockfile
// of its own. Left alone, pnpm resolves the tarballs' ranges afresh and may pick versions this
// workspace never installed (and that an offline store therefore lacks). With these overrides the
// scratch install resolves to exactly what the lockfile pins, on any machine.
//
// A name the closure holds at one version is pinned outright (`name: version`); a name it holds at
// several is pinned per parent (`parent@version>name: version`), the selector syntax pnpm's
// overrides accept. Only the lockfile's own YAML subset is parsed: two-space indented maps.

/** Splits `name@1.2.3(peer@4.5.6)` (or `name: 1.2.3(peer@4.5.6)` values) into name and version. */
function parseKey(key) {
  const unquoted = key.replace(/^'|'$/g, '');
  const bare = unquoted.replace(/\(.*$/, '');
  const at = bare.lastIndexOf('@');
  if (at <= 0) throw new Error(`lockfile key without a version: ${key}`);
  return { name: bare.slice(0, at), version: bare.slice(at + 1), id: unquoted };
}

/** The last YAML document of the lockfile (pnpm writes its own manager's pins in a first one). */
function lastDocument(text) {
  const documents = text.split(/^---\s*$/m).filter((part) => part.trim());
  return documents[documents.length - 1];
}

/** Reads a top-level section (`importers:`, `snapshots:`) into { key: { field: { dep: value } } }. */
function readSection(text, section) {
  const lines = text.split('\n');
  const start = lines.indexOf(`${section}:`);
  if (start < 0) throw new Error(`pnpm-lock.yaml has no ${section}: section`);
  const entries = {};
  let entry = null;
  let field = null;
  let dep = null;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    let match = /^ {2}(\S.*?):(?: \{\})?$/.exec(line);
    if (match) {
      entry = {};
      entries[match[1].replace(/^'|'$/g, '')] = entry;
      field = null;
      continue;
    }
    match = /^ {4}(\w+):$/.exec(line);
    if (match && entry) {
      field = {};
      entry[match[1]] = field;
      continue;
    }
    // Snapshots: `      name: version`; importers: `      name:` then `        version: …`.
    match = /^ {6}(\S+?):(?: (.+))?$/.exec(line);
    if (match && field) {
      dep = match[1].replace(/^'|'$/g, '');
      if (match[2] !== undefined) field[dep] = match[2].replace(/^'|'$/g, '');
      continue;
    }
    match = /^ {8}version: (.+)$/.exec(line);
    if (match && field && dep) field[dep] = match[1].replace(/^'|'$/g, '');
  }
  return entries;
}

/**
 * The overrides that pin the dependency closure of `importerPaths` (e.g. `packages/core`) to the
 * lockfile's versions. Workspace links (`link:…`) are left to the caller.
 */
export function lockfilePins(lockfileText, importerPaths) {
  const document = lastDocument(lockfileText);
  const importers = readSection(document, 'importers');
  const snapshots = readSection(document, 'snapshots');
  const runtimeFields = ['dependencies', 'optionalDependencies'];

  // Breadth-first over snapshot ids, remembering which parent asked for which child.
  const edges = []; // { parent: {name, version} | null, child: {name, version} }
  const seen = new Set();
  const queue = [];
  const visit = (parent, name, value) => {
    if (value.startsWith('link:') || value.startsWith('file:')) return;
    const child = parseKey(`${name}@${value}`);
    edges.push({ parent, child });
    if (!seen.has(child.id)) {
      seen.add(child.id);
      queue.push(child);
    }
  };
  for (const path of importerPaths) {
    const importer = importers[path];
    if (!importer) throw new Error(`pnpm-lock.yaml has no importer ${path}: run pnpm install`);
    for (const field of runtimeFields) {
      for (const [name, value] of Object.entries(importer[field] ?? {})) visit(null, name, value);
    }
  }
  while (queue.length) {
    const node = queue.shift();
    const snapshot = snapshots[node.id];
    if (!snapshot) throw new Error(`pnpm-lock.yaml has no snapshot for ${node.id}`);
    for (const field of runtimeFields) {
      for (const [name, value] of Object.entries(snapshot[field] ?? {})) visit(node, name, value);
    }
  }

  const versions = new Map();
  for (const { child } of edges) {
    if (!versions.has(child.name)) versions.set(child.name, new Set());
    versions.get(child.name).add(child.version);
  }
  const overrides = {};
  for (const { parent, child } of edges) {
    if (versions.get(child.name).size === 1) overrides[child.name] = child.version;
    else if (parent) overrides[`${parent.name}@${parent.version}>${child.name}`] = child.version;
    else throw new Error(`${child.name} is a direct dependency at several versions: pin it in the package`);
  }
  return overrides;
}

/**
 * The packages a lockfile resolves that `reference` does not hold at that version, as
 * `name@version` strings: what an install picked beyond the workspace's own pins.
 */
export function unpinnedVersions(lockfileText, referenceText) {
  const held = new Set(
    Object.keys(readSection(lastDocument(referenceText), 'snapshots')).map((key) => parseKey(key).id.replace(/\(.*$/, '')),
  );
  return Object.keys(readSection(lastDocument(lockfileText), 'snapshots'))
    .map((key) => parseKey(key))
    .filter(({ version }) => !version.startsWith('file:'))
    .map(({ name, version }) => `${name}@${version}`)
    .filter((id) => !held.has(id));
}
