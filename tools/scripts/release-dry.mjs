#!/usr/bin/env node
// The release rehearsal, entirely offline and without touching this checkout:
//   1. copies the publishable packages and the pending changesets to a scratch workspace and runs
//      `changeset version` there (independent versions, CHANGELOGs), then builds them from source
//      at their new versions, as a release does;
//   2. `pnpm pack`s every package (workspace:^ ranges become real versions);
//   3. runs publint and are-the-types-wrong on each tarball;
//   4. installs the tarballs into a scratch project from the local pnpm store (--offline), every
//      dependency pinned to the version the workspace lockfile holds, and runs a smoke script
//      through both `import` (ESM) and `require` (CJS).
// Run after `pnpm build`. Exits non-zero on the first failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockfilePins, unpinnedVersions } from './lockfile-pins.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const keep = process.argv.includes('--keep');
const scratch = mkdtempSync(join(tmpdir(), 'audian-release-'));
const workspace = join(scratch, 'workspace');
const tarballs = join(scratch, 'tarballs');
const project = join(scratch, 'project');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, args, cwd, options = {}) {
  const result = spawnSync(cmd, args, {
    cwd,
    stdio: options.capture ? 'pipe' : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...options.env },
  });
  if (result.status !== 0) {
    if (options.capture) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
  }
  return result.stdout ?? '';
}

function step(text) {
  console.log(`\n=== ${text}`);
}

try {
  const packagesDir = join(root, 'packages');
  const publishable = readdirSync(packagesDir)
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private);

  step(`scratch workspace ${workspace}`);
  mkdirSync(join(workspace, 'packages'), { recursive: true });
  for (const file of ['package.json', 'pnpm-workspace.yaml', 'LICENSE']) cpSync(join(root, file), join(workspace, file));
  cpSync(join(root, '.changeset'), join(workspace, '.changeset'), { recursive: true });
  // The ignore list names the private apps and tools, which the scratch copy leaves out.
  const changesetConfig = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8'));
  writeFileSync(join(workspace, '.changeset/config.json'), JSON.stringify({ ...changesetConfig, ignore: [] }, null, 2));
  for (const { dir } of publishable) {
    const from = join(packagesDir, dir);
    // The CLI's build reads the resources registry from the checkout's built package.
    if (!existsSync(join(from, 'dist'))) throw new Error(`packages/${dir} has no dist/: run pnpm build first`);
    const to = join(workspace, 'packages', dir);
    mkdirSync(to, { recursive: true });
    for (const entry of ['package.json', 'README.md', 'CHANGELOG.md']) {
      if (existsSync(join(from, entry))) cpSync(join(from, entry), join(to, entry), { recursive: true });
    }
    cpSync(join(root, 'LICENSE'), join(to, 'LICENSE'));
  }
  // changesets reads the workspace layout only; the scratch copy keeps just the published packages.
  writeFileSync(join(workspace, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');

  step('changeset version');
  run(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], workspace);
  for (const { dir } of publishable) {
    const manifest = JSON.parse(readFileSync(join(workspace, 'packages', dir, 'package.json'), 'utf8'));
    const changelog = existsSync(join(workspace, 'packages', dir, 'CHANGELOG.md')) ? 'CHANGELOG.md written' : 'no CHANGELOG';
    console.log(`  ${manifest.name}@${manifest.version} (${changelog})`);
  }

  // A release builds after `changeset version`: the bundles carry their package's version (the
  // User-Agent, `audian --version`), so the scratch copy is rebuilt from source with the new one.
  step('build at the new versions');
  cpSync(join(root, 'tsconfig.base.json'), join(workspace, 'tsconfig.base.json'));
  symlinkSync(join(root, 'node_modules'), join(workspace, 'node_modules'));
  for (const { dir } of publishable) {
    const from = join(packagesDir, dir);
    const to = join(workspace, 'packages', dir);
    for (const entry of ['src', 'tsup.config.ts', 'tsconfig.json']) cpSync(join(from, entry), join(to, entry), { recursive: true });
    symlinkSync(join(from, 'node_modules'), join(to, 'node_modules'));
    rmSync(join(to, 'dist'), { recursive: true, force: true });
    run(bin('tsup'), [], to, { capture: true });
    const { version } = JSON.parse(readFileSync(join(to, 'package.json'), 'utf8'));
    const built = readdirSync(join(to, 'dist')).filter((file) => /\.(c|m)?js$/.test(file));
    const embedsVersion = readdirSync(join(to, 'src'), { recursive: true })
      .filter((file) => String(file).endsWith('.ts'))
      .some((file) => readFileSync(join(to, 'src', String(file)), 'utf8').includes("package.json'"));
    if (embedsVersion && !built.some((file) => readFileSync(join(to, 'dist', file), 'utf8').includes(`"${version}"`))) {
      throw new Error(`packages/${dir}/dist does not carry version ${version}`);
    }
    console.log(`  packages/${dir}: built at ${version}`);
  }

  // What `pnpm publish` does to workspace: ranges, done here so the scratch copy needs no install.
  const versions = Object.fromEntries(
    publishable.map(({ dir }) => {
      const manifest = JSON.parse(readFileSync(join(workspace, 'packages', dir, 'package.json'), 'utf8'));
      return [manifest.name, manifest.version];
    }),
  );
  for (const { dir } of publishable) {
    const file = join(workspace, 'packages', dir, 'package.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies']) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        if (!range.startsWith('workspace:')) continue;
        if (field === 'devDependencies') {
          delete manifest[field][name];
          continue;
        }
        const kind = range.slice('workspace:'.length);
        const version = versions[name];
        if (!version) throw new Error(`${manifest.name} depends on unpublished ${name} (${range})`);
        manifest[field][name] = kind === '*' ? version : kind === '^' || kind === '~' ? `${kind}${version}` : kind;
      }
    }
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }

  step('pnpm pack');
  mkdirSync(tarballs, { recursive: true });
  const packed = [];
  for (const { dir } of publishable) {
    run('pnpm', ['pack', '--pack-destination', tarballs], join(workspace, 'packages', dir), { capture: true });
  }
  for (const file of readdirSync(tarballs)) packed.push(join(tarballs, file));
  for (const file of packed) {
    const listing = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' });
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' }));
    const ranges = JSON.stringify({ ...manifest.dependencies, ...manifest.peerDependencies });
    if (ranges.includes('workspace:')) throw new Error(`${file} still has a workspace: range: ${ranges}`);
    console.log(`  ${file.split('/').pop()}: ${listing.trim().split('\n').length} files`);
  }

  step('publint and are-the-types-wrong on each tarball');
  for (const file of packed) {
    const unpacked = join(
      scratch,
      'unpacked',
      file
        .split('/')
        .pop()
        .replace(/\.tgz$/, ''),
    );
    mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', ['-xzf', file, '-C', unpacked]);
    run(bin('publint'), ['--strict', '--pack', 'false', join(unpacked, 'package')], root, { capture: true });
    run(bin('attw'), [file, '--profile', 'node16', '--format', 'table-flipped'], root, { capture: true });
    console.log(`  ${file.split('/').pop()}: publint ok, attw ok`);
  }

  step('install the tarballs into a scratch project (offline, from the local store)');
  mkdirSync(project, { recursive: true });
  const dependencies = Object.fromEntries(
    packed.map((file) => {
      const manifest = JSON.parse(execFileSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' }));
      return [manifest.name, `file:${file}`];
    }),
  );
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'release-smoke', private: true, dependencies }, null, 2));
  // The published packages depend on each other by version; point those at the tarballs too. Every
  // other dependency is pinned to the version this workspace's lockfile holds: the scratch project
  // has no lockfile, and a fresh resolution could pick versions no offline store has.
  const pins = lockfilePins(
    readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8'),
    publishable.map(({ dir }) => `packages/${dir}`),
  );
  const overrides = { ...pins, ...dependencies };
  console.log(`  ${Object.keys(pins).length} dependencies pinned to the workspace lockfile's versions`);
  writeFileSync(
    join(project, 'pnpm-workspace.yaml'),
    `overrides:\n${Object.entries(overrides)
      .map(([name, spec]) => `  ${JSON.stringify(name)}: ${JSON.stringify(spec)}`)
      .join('\n')}\nallowBuilds:\n  better-sqlite3: true\n  esbuild: true\n  msgpackr-extract: false\n`,
  );
  run('pnpm', ['install', '--offline', '--config.confirmModulesPurge=false'], project, {
    capture: true,
    env: existsSync('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {},
  });

  const strays = unpinnedVersions(
    readFileSync(join(project, 'pnpm-lock.yaml'), 'utf8'),
    readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8'),
  );
  if (strays.length) throw new Error(`the scratch install resolved versions the workspace lockfile does not pin: ${strays.join(', ')}`);
  console.log('  every installed version is one the workspace lockfile pins');

  step('smoke test: ESM and CommonJS');
  cpSync(join(root, 'tools/scripts/release-smoke.mjs'), join(project, 'smoke.mjs'));
  cpSync(join(root, 'tools/scripts/release-smoke.cjs'), join(project, 'smoke.cjs'));
  run(process.execPath, ['smoke.mjs'], project);
  run(process.execPath, ['smoke.cjs'], project);
  console.log('\nrelease dry run passed');
} finally {
  if (keep) console.log(`scratch kept at ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
