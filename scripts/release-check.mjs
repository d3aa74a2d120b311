#!/usr/bin/env node
// End-to-end release check (`pnpm release:check`; CI runs it through scripts/ci-checks/release.sh).
//
// In a temporary copy of the repository:
//   1. install with the frozen lockfile, and consume the pending changesets (`pnpm version-packages`)
//      so that what follows measures one change;
//   2. add a changeset that bumps only @x/anchor (patch), run `pnpm version-packages`, and check that
//      only @x/anchor changed version and got a CHANGELOG entry, and that the lockfile is still frozen-valid;
//   3. start verdaccio on 127.0.0.1 (no uplinks) and run the real `pnpm release` against it (build, then
//      `changeset publish`); check every published manifest and tarball;
//   4. for each provider, in a fresh empty project: `npm install @x/<provider>`, check the tree holds
//      exactly @x/<provider> and @x/core, then `import` it (.mjs) and `require` it (.cjs) and run a task
//      through `getTask` and `waitForTask` against the sandbox from `@x/<provider>/testing`;
//   5. print the packed size and file count of every package.
// Verdaccio is stopped by its process id and the temporary directory removed, on every path.
// Writes .ci/results/release.json ({ name, passed, failed }) and exits 1 when a check failed.
// `--keep` keeps the temporary directory (and prints where it is) for debugging.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTally, formatTable, seconds } from './release/check-tally.mjs';
import { childEnvironment } from './release/child-environment.mjs';
import {
  installProvider,
  listInstalledPackages,
  PROVIDERS,
  runSmokeScript,
} from './release/consumer-project.mjs';
import { copyWorkingTree } from './release/copy-working-tree.mjs';
import { inspectPublishedPackage } from './release/inspect-published-package.mjs';
import {
  createRegistryUser,
  installVerdaccio,
  startVerdaccio,
  VERDACCIO_VERSION,
} from './release/local-registry.mjs';
import { killAllChildren, runCommand, tail } from './release/run-command.mjs';
import { commitAll, git, hasGit, initGit } from './release/scratch-git.mjs';
import { changedFiles, listPublishedPackages, snapshotWorkspace } from './release/workspace-files.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const resultsFile = join(root, '.ci/results/release.json');
const started = Date.now();
const keep = process.argv.includes('--keep');
const tally = createTally();
const work = mkdtempSync(join(tmpdir(), 'x-release-check-'));
const dirs = {
  repo: join(work, 'repo'),
  registry: join(work, 'registry'),
  consumers: join(work, 'consumers'),
  npmCache: join(work, 'npm-cache'),
  logs: join(work, 'logs'),
};
for (const directory of Object.values(dirs)) mkdirSync(directory, { recursive: true });
const logOf = (name) => join(dirs.logs, `${name}.log`);
const env = childEnvironment();
let registry;
let finishing = false;

process.on('SIGINT', () => abort('SIGINT'));
process.on('SIGTERM', () => abort('SIGTERM'));
process.on('exit', killAllChildren); // last resort: nothing started here outlives the script
/** Well under CI's 5 minutes; a normal run takes 1 to 2. */
const TIME_LIMIT_MS = 270_000;
setTimeout(() => abort(`time limit of ${seconds(TIME_LIMIT_MS)}`), TIME_LIMIT_MS).unref();

try {
  await main();
} catch (error) {
  await tally.check('release check ran to the end', () => {
    throw error;
  });
} finally {
  await finish();
}
process.exit(tally.failed > 0 || tally.passed === 0 ? 1 : 0);

async function main() {
  console.log(`release check: temporary directory ${work}`);
  // Verdaccio's install (~20 s, network) runs while the copy is installed and versioned.
  const verdaccioInstall = installVerdaccio(dirs.registry, { env, log: logOf('verdaccio-install') }).then(
    (ms) => ({ ms }),
    (error) => ({ error }),
  );

  step('1. copy the repository and install it (frozen lockfile)');
  const copied = await tally.check('copy of the working tree installs with --frozen-lockfile', async () => {
    const files = copyWorkingTree(root, dirs.repo);
    initGit(dirs.repo);
    await pnpm(['install', '--frozen-lockfile'], 'install');
    return files;
  });
  if (copied === undefined) return tally.skip('versioning, publish and install', 'the copy did not install');
  console.log(`        ${copied} files copied`);

  await tally.check('baseline: `pnpm version-packages` consumes the pending changesets', async () => {
    await pnpm(['run', 'version-packages'], 'version-baseline');
    const left = pendingChangesets(dirs.repo);
    if (left.length > 0) throw new Error(`changesets left after versioning: ${left.join(', ')}`);
    commitAll(dirs.repo, 'release check: baseline versions');
  });
  const baseline = snapshotWorkspace(dirs.repo);

  step('2. a changeset for @x/anchor only, then `pnpm version-packages`');
  const note = `release check: a patch of @x/anchor alone (${new Date().toISOString()})`;
  writeFileSync(
    join(dirs.repo, '.changeset/release-check-anchor.md'),
    `---\n'@x/anchor': patch\n---\n\n${note}\n`,
  );
  const versioned = await tally.check('`pnpm version-packages` runs', () =>
    pnpm(['run', 'version-packages'], 'version-anchor'),
  );
  const after = snapshotWorkspace(dirs.repo);
  const anchorManifest = 'packages/anchor/package.json';
  const anchorChangelog = 'packages/anchor/CHANGELOG.md';
  const before = JSON.parse(baseline[anchorManifest]);
  const expectedAnchorVersion = nextPatch(before.version);

  await tally.check(`only @x/anchor changed version (${before.version} -> ${expectedAnchorVersion})`, () => {
    if (versioned === undefined) throw new Error('version-packages failed');
    const changed = changedFiles(baseline, after);
    const unexpected = changed.filter((file) => file !== anchorManifest && file !== anchorChangelog);
    if (unexpected.length > 0) throw new Error(`files changed besides @x/anchor's: ${unexpected.join(', ')}`);
    const now = JSON.parse(after[anchorManifest]);
    if (now.version !== expectedAnchorVersion)
      throw new Error(`@x/anchor is at ${now.version}, expected ${expectedAnchorVersion}`);
    if (JSON.stringify({ ...before, version: now.version }) !== JSON.stringify(now))
      throw new Error('packages/anchor/package.json changed beyond its version');
    if (pendingChangesets(dirs.repo).length > 0) throw new Error('the changeset was not consumed');
  });
  await tally.check('packages/anchor/CHANGELOG.md has the entry', () => {
    const changelog = after[anchorChangelog] ?? '';
    const heading = `## ${expectedAnchorVersion}\n`;
    const start = changelog.indexOf(heading);
    if (start === -1) throw new Error(`no "${heading.trim()}" section:\n${changelog.slice(0, 600)}`);
    const next = changelog.indexOf('\n## ', start + heading.length);
    const section = changelog.slice(start, next === -1 ? undefined : next + 1);
    if (!section.includes('### Patch Changes') || !section.includes(note))
      throw new Error(
        `the "${heading.trim()}" section lacks "### Patch Changes" / the changeset text:\n${section}`,
      );
    const rest = changelog.slice(0, start) + changelog.slice(start + section.length);
    if (baseline[anchorChangelog] !== undefined && rest !== baseline[anchorChangelog])
      throw new Error('the earlier entries of the changelog changed');
  });
  await tally.check('the lockfile is still valid (`pnpm install --frozen-lockfile`)', () =>
    pnpm(['install', '--frozen-lockfile'], 'install-after-version'),
  );
  commitAll(dirs.repo, 'release check: version @x/anchor');
  const published = listPublishedPackages(dirs.repo);
  const versions = Object.fromEntries(published.map((pkg) => [pkg.name, pkg.version]));

  step('3. verdaccio on 127.0.0.1, then `pnpm release` against it');
  const registryReady = await tally.check(
    `verdaccio ${VERDACCIO_VERSION} answers on 127.0.0.1 (no uplinks)`,
    async () => {
      const installed = await verdaccioInstall;
      if (installed.error) throw installed.error;
      console.log(`        npm install verdaccio: ${seconds(installed.ms)}`);
      registry = await startVerdaccio(dirs.registry, { env, log: logOf('verdaccio') });
      const token = await createRegistryUser(registry.url);
      const host = registry.url.replace(/^https?:/, '');
      writeFileSync(join(work, 'npmrc'), `registry=${registry.url}\n${host}:_authToken=${token}\n`);
      console.log(`        ${registry.url} (pid ${registry.pid})`);
      return true;
    },
  );
  if (registryReady === undefined) return tally.skip('publish and install', 'verdaccio did not start');
  const publishEnv = {
    ...env,
    npm_config_registry: registry.url,
    npm_config_userconfig: join(work, 'npmrc'),
  };

  const released = await tally.check(
    '`pnpm release` builds and publishes every package, and tags them',
    async () => {
      const args = hasGit() ? ['run', 'release'] : ['run', 'release', '--no-git-tag'];
      await pnpm(args, 'release', { env: publishEnv, timeoutMs: 240_000 });
      if (!hasGit()) return;
      const tags = git(dirs.repo, ['tag', '--list']).split('\n');
      const missing = published
        .map((pkg) => `${pkg.name}@${pkg.version}`)
        .filter((tag) => !tags.includes(tag));
      if (missing.length > 0) throw new Error(`git tags missing: ${missing.join(', ')}`);
    },
  );

  const sizes = [];
  for (const pkg of published) {
    await tally.check(
      `${pkg.name}@${pkg.version} is on the registry: ranges resolved, files as declared`,
      async () => {
        const info = await inspectPublishedPackage(registry.url, pkg, versions);
        sizes.push(info);
      },
    );
  }

  step('4. fresh projects install one provider each');
  for (const provider of PROVIDERS) await checkProvider(provider, versions, released !== undefined);

  step('5. packed size of each package');
  const rows = sizes.map((info) => [
    info.name,
    info.version,
    kilobytes(info.packed),
    kilobytes(info.unpacked),
    info.files,
  ]);
  console.log(formatTable(['package', 'version', 'packed', 'unpacked', 'files'], rows));
}

async function checkProvider(provider, versions, released) {
  const label = provider.name;
  if (!released) {
    for (const what of ['install', 'import', 'require'])
      tally.skip(`${label}: ${what}`, '`pnpm release` failed');
    return;
  }
  const project = join(dirs.consumers, provider.name.replace('@x/', ''));
  const expected = [`${provider.name}@${versions[provider.name]}`, `@x/core@${versions['@x/core']}`].sort();
  const installed = await tally.check(
    `${label}: npm install in an empty project installs exactly ${expected.join(' + ')}`,
    async () => {
      if (!existsSync(join(dirs.repo, provider.directory, 'src/index.ts')))
        throw new Error(`${provider.directory}/src/index.ts does not exist: the provider is not written yet`);
      await installProvider(project, provider, {
        registryURL: registry.url,
        npmCache: dirs.npmCache,
        env,
        log: logOf(`consumer-${provider.name.replace('@x/', '')}`),
      });
      const tree = listInstalledPackages(project);
      if (JSON.stringify(tree) !== JSON.stringify(expected))
        throw new Error(
          `node_modules holds ${tree.join(', ') || 'nothing'}; expected ${expected.join(', ')}`,
        );
      return true;
    },
  );
  for (const [format, how] of [
    ['esm', 'import (.mjs)'],
    ['cjs', 'require (.cjs)'],
  ]) {
    const name = `${label}: ${how} + /testing sandbox: getTask, waitForTask -> succeeded`;
    if (installed === undefined) {
      tally.skip(name, 'the install failed');
      continue;
    }
    await tally.check(name, async () => {
      const result = await runSmokeScript(project, provider, format, {
        env,
        log: logOf(`consumer-${provider.name.replace('@x/', '')}`),
      });
      if (result.version !== versions[provider.name])
        throw new Error(`VERSION is ${result.version}, expected ${versions[provider.name]}`);
      console.log(
        `        getTask: ${result.first}, then ${result.finished} (vendor word "${result.providerStatus}")`,
      );
    });
  }
}

async function pnpm(args, name, { env: environment = env, timeoutMs = 180_000 } = {}) {
  const result = await runCommand('pnpm', args, {
    cwd: dirs.repo,
    env: environment,
    timeoutMs,
    log: logOf(name),
  });
  if (result.code !== 0)
    throw new Error(
      `pnpm ${args.join(' ')} exited with ${result.code}:\n${tail(`${result.stdout}\n${result.stderr}`, 30)}`,
    );
  console.log(`        pnpm ${args.join(' ')}: ${seconds(result.ms)}`);
  return result;
}

function pendingChangesets(repo) {
  return readdirSync(join(repo, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');
}

function nextPatch(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`not a plain x.y.z version: ${version}`);
  return `${match[1]}.${match[2]}.${Number(match[3]) + 1}`;
}

function kilobytes(bytes) {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function step(title) {
  console.log(`\n${title}  [${seconds(Date.now() - started)}]`);
}

async function finish() {
  if (finishing) return;
  finishing = true;
  if (registry) {
    const stopping = Date.now();
    await registry.stop();
    console.log(`\nverdaccio (pid ${registry.pid}) stopped (${seconds(Date.now() - stopping)})`);
  }
  killAllChildren();
  if (tally.failed > 0 && existsSync(dirs.logs)) {
    for (const log of readdirSync(dirs.logs))
      console.log(`\n--- ${log} (last lines)\n${tail(join(dirs.logs, log), 25, { file: true })}`);
  }
  if (keep) console.log(`kept ${work}`);
  else {
    const removing = Date.now();
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
    console.log(`removed ${work} (${seconds(Date.now() - removing)})`);
  }
  tally.write(resultsFile);
  console.log(
    `\nrelease check: ${tally.passed} passed, ${tally.failed} failed in ${seconds(Date.now() - started)}`,
  );
}

async function abort(reason) {
  if (finishing) return;
  console.log(`\nrelease check: ${reason}, stopping`);
  tally.skip('release check ran to the end', reason);
  killAllChildren();
  await finish();
  process.exit(1);
}
