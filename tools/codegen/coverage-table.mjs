#!/usr/bin/env node
// Writes the Crossbar coverage table of @audian/resources into its README.
//
//   node tools/codegen/coverage-table.mjs [--check] [--readme FILE] [--tsv FILE]
//
// It reads every verb + path Crossbar has (crossbar-paths.tsv in the shared reference folder:
// ../shared/api/, or $AUDIAN_SHARED_DIR/api/) and the verb + path each resource method names in
// its TSDoc (`GET /v2/accounts/{ACCOUNT_ID}/users`, in backticks, in
// packages/resources/src/resources/*.ts and — the logins — packages/auth/src/*.ts), then writes, per Crossbar module, how many of its
// verb + paths the SDK covers and which, between <!-- coverage:start --> and <!-- coverage:end -->.
// --check compares instead of writing and exits 1 when the README's table is stale.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const START = '<!-- coverage:start -->';
const END = '<!-- coverage:end -->';
const ACCOUNT_PREFIX = '/v2/accounts/{ACCOUNT_ID}';
const VERBS = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'];

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The argument after `flag`, if given. */
function option(args, flag) {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

/** Where crossbar-paths.tsv is: $AUDIAN_SHARED_DIR/api/ or the shared folder beside the repository. */
export function defaultTsvPath() {
  const shared = process.env.AUDIAN_SHARED_DIR ? resolve(process.env.AUDIAN_SHARED_DIR) : join(root, '..', 'shared');
  return join(shared, 'api', 'crossbar-paths.tsv');
}

/** `/v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/` → `/v2/accounts/{}/users/{}`: placeholder names vary between sources. */
export function normalizePath(path) {
  return path
    .replace(/\?.*$/, '')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\/+$/, '');
}

/** The rows of crossbar-paths.tsv: `{ module, verb, path }`, duplicates dropped, file order kept. */
export function readCrossbarPaths(text) {
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = header.split('\t');
  const at = (name) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`crossbar-paths.tsv has no "${name}" column`);
    return index;
  };
  const [m, v, p] = [at('module'), at('http_verb'), at('path')];
  const seen = new Set();
  const rows = [];
  for (const line of lines) {
    const cells = line.split('\t');
    const row = { module: cells[m], verb: cells[v].toUpperCase(), path: cells[p] };
    const key = `${row.module} ${row.verb} ${normalizePath(row.path)}`;
    if (!seen.has(key)) {
      seen.add(key);
      rows.push(row);
    }
  }
  return rows;
}

/**
 * The verb + paths the resources' TSDoc names: every `VERB /v2/…` in backticks inside a `/** … *\/`
 * comment. Returns a Map of `VERB normalized-path` → `{ verb, path, files }` (the path as first written).
 */
export function documentedPaths(...dirs) {
  const found = new Map();
  const files = dirs.flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
          .sort()
          .map((f) => join(dir, f))
      : [],
  );
  for (const path of files) {
    const file = basename(path);
    const text = readFileSync(path, 'utf8');
    for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
      const flat = comment.replace(/\n\s*\*\s?/g, ' ');
      for (const match of flat.matchAll(/`(GET|PUT|POST|PATCH|DELETE)\s+(\/v2\/[^`\s]*)[^`]*`/g)) {
        const key = `${match[1]} ${normalizePath(match[2])}`;
        if (!found.has(key)) found.set(key, { verb: match[1], path: match[2].replace(/\?.*$/, ''), files: new Set() });
        found.get(key).files.add(file.replace(/\.ts$/, ''));
      }
    }
  }
  return found;
}

/** `/v2/accounts/{ACCOUNT_ID}/users` → `…/users`. */
function shortPath(path) {
  return path.startsWith(`${ACCOUNT_PREFIX}/`) ? `…${path.slice(ACCOUNT_PREFIX.length)}` : path === ACCOUNT_PREFIX ? '…' : path;
}

/** `GET PUT …/users`, one entry per path, verbs in a fixed order. */
function groupByPath(rows) {
  const byPath = new Map();
  for (const row of rows) {
    if (!byPath.has(row.path)) byPath.set(row.path, new Set());
    byPath.get(row.path).add(row.verb);
  }
  return [...byPath].map(([path, verbs]) => `\`${VERBS.filter((v) => verbs.has(v)).join(' ')} ${shortPath(path)}\``);
}

/** The Markdown block (markers included). Deterministic: depends only on its inputs. */
export function renderTable(rows, documented) {
  const modules = new Map();
  for (const row of rows) {
    if (!modules.has(row.module)) modules.set(row.module, []);
    modules.get(row.module).push(row);
  }
  const known = new Set(rows.map((r) => `${r.verb} ${normalizePath(r.path)}`));
  let covered = 0;
  let touched = 0;
  const lines = [];
  for (const name of [...modules.keys()].sort()) {
    const list = modules.get(name);
    const yes = list.filter((r) => documented.has(`${r.verb} ${normalizePath(r.path)}`));
    const no = list.filter((r) => !documented.has(`${r.verb} ${normalizePath(r.path)}`));
    covered += yes.length;
    if (yes.length > 0) touched++;
    lines.push(`| ${name} | ${yes.length}/${list.length} | ${groupByPath(yes).join('<br>')} | ${groupByPath(no).join('<br>')} |`);
  }
  const unknown = [...documented.entries()]
    .filter(([key]) => !known.has(key))
    .map(([, found]) => `\`${found.verb} ${shortPath(found.path)}\``)
    .sort();
  const percent = rows.length ? ((covered / rows.length) * 100).toFixed(1) : '0.0';
  const out = [
    START,
    '<!-- Generated by `pnpm coverage:table` (tools/codegen/coverage-table.mjs) from crossbar-paths.tsv and the TSDoc of src/resources/*.ts and packages/auth/src/*.ts. Do not edit by hand. -->',
    '',
    `The SDK covers **${covered} of ${rows.length}** Crossbar verb + paths (${percent} %), in ${touched} of ${modules.size} modules. \`…\` stands for \`${ACCOUNT_PREFIX}\`.`,
    '',
    '| module | covered | covered verb + paths | not covered |',
    '|---|---|---|---|',
    ...lines,
  ];
  if (unknown.length > 0) {
    out.push('', `Named in TSDoc but not in crossbar-paths.tsv (check the verb and path): ${unknown.join(', ')}.`);
  }
  out.push(END);
  return out.join('\n');
}

/** The README with its coverage block replaced (or added under `## Coverage`, or at the end). */
export function replaceBlock(readme, block) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start >= 0 && end > start) return readme.slice(0, start) + block + readme.slice(end + END.length);
  const heading = /^## Coverage[ \t]*$/m.exec(readme);
  if (heading) {
    const at = heading.index + heading[0].length;
    return `${readme.slice(0, at)}\n\n${block}\n${readme.slice(at)}`;
  }
  return `${readme.replace(/\s*$/, '')}\n\n## Coverage\n\n${block}\n`;
}

function main(args) {
  const check = args.includes('--check');
  const tsvPath = resolve(option(args, '--tsv') ?? defaultTsvPath());
  const readmePath = resolve(option(args, '--readme') ?? join(root, 'packages/resources/README.md'));
  const resourcesDir = join(root, 'packages/resources/src/resources');
  const authDir = join(root, 'packages/auth/src');

  if (!existsSync(tsvPath)) {
    console.error(`coverage-table: ${tsvPath} not found (set AUDIAN_SHARED_DIR to the shared reference folder)`);
    return check ? 0 : 1;
  }
  const block = renderTable(readCrossbarPaths(readFileSync(tsvPath, 'utf8')), documentedPaths(resourcesDir, authDir));
  const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
  const next = replaceBlock(readme, block);
  const shown = relative(process.cwd(), readmePath) || readmePath;
  if (check) {
    if (next !== readme) {
      console.error(`coverage-table: the coverage table in ${shown} is stale; run \`pnpm coverage:table\``);
      return 1;
    }
    console.log(`coverage-table: ${shown} is current`);
    return 0;
  }
  if (next !== readme) writeFileSync(readmePath, next);
  console.log(`coverage-table: ${next === readme ? 'unchanged' : 'wrote'} ${shown}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
