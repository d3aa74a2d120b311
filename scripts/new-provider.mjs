#!/usr/bin/env node
// `pnpm new-provider <name>`: scaffolds packages/<name>, a working provider package with the same files,
// named the same way, as the existing providers (see docs/adding-a-provider.md). The templates live in
// scripts/new-provider/templates/; `{{placeholder}}` in a file and `__name__` in a path are filled in.
//
//   pnpm new-provider acme-agent              packages/acme-agent + .changeset/acme-agent-first-release.md
//   pnpm new-provider acme-agent --dry-run    lists what would be written, writes nothing
//   pnpm new-provider acme-agent --dir /tmp/x writes under another copy of the repo (for CI)
//   pnpm new-provider skyvern --example       examples/skyvern, private @x-examples/skyvern, no changeset
//
// Exit codes: 0 done, 1 invalid name or target, 2 bad usage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptDir = dirname(fileURLToPath(import.meta.url));
const templatesDir = join(scriptDir, 'new-provider', 'templates');
const repoRoot = resolve(scriptDir, '..');

const USAGE = `Usage: pnpm new-provider <name> [options]

Scaffolds packages/<name>: a working provider for a vendor whose API answers GET /v1/tasks/{task_id}
with the key in x-api-key, with its sandbox, its tests (conformance kit included), README and changeset.
Every place that needs the vendor's specifics is marked TODO(<name>).

  <name>                 the vendor, in kebab-case: acme-agent → @x/acme-agent, createAcmeAgent,
                         ACME_AGENT_API_KEY / ACME_AGENT_BASE_URL

Options:
  --dry-run              print the files that would be written, write nothing
  --dir <path>           the repo root to write into (default: this repo, ${repoRoot})
  --example              a private worked example under examples/<name> (package @x-examples/<name>,
                         "private": true, never published, no changeset)
  --display-name <text>  the vendor's name in prose (default: from <name>, "Acme Agent")
  --no-format            do not run biome on the new files
  -h, --help             this help`;

// Names that would shadow a workspace folder, a core concept or a file the templates import.
const RESERVED_NAMES = new Set([
  'core',
  'testing',
  'test',
  'tests',
  'example',
  'examples',
  'app',
  'apps',
  'tools',
  'tsconfig',
  'scripts',
  'docs',
  'node-modules',
  'x',
  'sdk',
  'provider',
  'providers',
  'task',
  'tasks',
  'client',
  'http',
  'http-client',
  'errors',
  'polling',
  'conformance',
  'version',
]);

const JS_RESERVED_WORDS = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if implements import in instanceof interface let new null package ' +
    'private protected public return static super switch this throw true try typeof var void while ' +
    'with yield arguments eval undefined'
  ).split(' '),
);

// Identifiers the generated files import or declare besides the ones derived from the name.
const TEMPLATE_IDENTIFIERS = new Set([
  'createHttpClient',
  'createTask',
  'createTaskScript',
  'createTestServer',
  'waitForTask',
  'watchTask',
  'withSafeInspect',
  'buildPath',
  'validatePathSegment',
  'splitRef',
  'parseTimestamp',
  'extractErrorMessage',
  'toOneLine',
  'runConformanceTests',
  'nock',
  'inspect',
  'fetch',
]);

const MAX_NAME_LENGTH = 40;
const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const DISPLAY_NAME = /^[\p{L}\p{N}][\p{L}\p{N} .&+'()-]{0,59}$/u;

class UsageError extends Error {}
class ScaffoldError extends Error {}

function parseArgs(argv) {
  const options = { dryRun: false, example: false, format: true, dir: repoRoot, displayName: undefined };
  const positional = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const optionValue = (flag) => {
      const inline = arg.startsWith(`${flag}=`) ? arg.slice(flag.length + 1) : undefined;
      if (inline !== undefined) return inline;
      const next = argv[++index];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (arg === '-h' || arg === '--help') options.help = true;
    else if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--example') options.example = true;
    else if (arg === '--no-format') options.format = false;
    else if (arg === '--dir' || arg.startsWith('--dir=')) options.dir = resolve(optionValue('--dir'));
    else if (arg === '--display-name' || arg.startsWith('--display-name='))
      options.displayName = optionValue('--display-name');
    else if (arg === '--') continue;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (options.help) return options;
  if (positional.length === 0) throw new UsageError('the provider name is missing');
  if (positional.length > 1) throw new UsageError(`one name only, got ${positional.join(', ')}`);
  options.name = positional[0];
  return options;
}

/** `acme-agent` → `AcmeAgent`; `agent-2` → `Agent2`. */
function toPascalCase(name) {
  return name
    .split('-')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}

/** A kebab-case guess for a name that is not one (`AcmeAgent`, `acme_agent`, `Acme Agent`). */
function suggestKebabCase(text) {
  const guess = text
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .replace(/^[0-9-]+/, '');
  return KEBAB_CASE.test(guess) ? guess : undefined;
}

/** Every name the templates derive from `<name>`. */
function namesFor(name, { example, displayName }) {
  const PascalName = toPascalCase(name);
  const camelName = PascalName[0].toLowerCase() + PascalName.slice(1);
  const packageDir = `${example ? 'examples' : 'packages'}/${name}`;
  return {
    name,
    PascalName,
    camelName,
    CONSTANT_NAME: name.toUpperCase().replaceAll('-', '_'),
    displayName:
      displayName ??
      name
        .split('-')
        .map((word) => word[0].toUpperCase() + word.slice(1))
        .join(' '),
    packageName: example ? `@x-examples/${name}` : `@x/${name}`,
    packageDir,
    rootPath: '../..',
    corePath: example ? '../../packages/core' : '../core',
  };
}

/** Workspace package names under packages/, apps/, examples/ and tools/ of `root`. */
function workspacePackageNames(root) {
  const names = new Set();
  for (const group of ['packages', 'apps', 'examples', 'tools']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      const manifest = join(dir, entry, 'package.json');
      if (!existsSync(manifest)) continue;
      try {
        const { name } = JSON.parse(readFileSync(manifest, 'utf8'));
        if (typeof name === 'string') names.add(name);
      } catch {
        // An unreadable manifest names nothing.
      }
    }
  }
  return names;
}

function validate(options) {
  const { name, dir, example } = options;
  if (!KEBAB_CASE.test(name) || name.length > MAX_NAME_LENGTH) {
    const suggestion = suggestKebabCase(name);
    throw new ScaffoldError(
      `"${name}" is not a valid provider name: use kebab-case, lower-case letters and digits in words joined ` +
        `by single hyphens, starting with a letter, at most ${MAX_NAME_LENGTH} characters ` +
        `(e.g. acme-agent)${suggestion && suggestion !== name ? `; did you mean "${suggestion}"?` : ''}`,
    );
  }
  if (options.displayName !== undefined && !DISPLAY_NAME.test(options.displayName)) {
    throw new ScaffoldError(
      `--display-name "${options.displayName}" is not usable: letters, digits, spaces and . - & + ' ( ) only, ` +
        'at most 60 characters (it goes into comments, JSON and Markdown)',
    );
  }
  const names = namesFor(name, options);
  if (RESERVED_NAMES.has(name)) {
    throw new ScaffoldError(
      `"${name}" is a reserved name (a workspace folder or a core concept); pick the vendor's name`,
    );
  }
  const clash = [names.camelName, `create${names.PascalName}`, `create${names.PascalName}Sandbox`].find(
    (identifier) => JS_RESERVED_WORDS.has(identifier) || TEMPLATE_IDENTIFIERS.has(identifier),
  );
  if (clash) {
    throw new ScaffoldError(
      `"${name}" is a reserved name: it would generate the identifier \`${clash}\`, which is a JavaScript ` +
        'reserved word or clashes with a name the generated code imports',
    );
  }
  if (!existsSync(join(dir, 'packages', 'core', 'package.json'))) {
    throw new ScaffoldError(
      `${dir} is not the repo root: it has no packages/core (pass the root with --dir)`,
    );
  }
  for (const taken of [`packages/${name}`, `examples/${name}`]) {
    if (existsSync(join(dir, taken)))
      throw new ScaffoldError(`"${name}" already exists: ${join(dir, taken)}`);
  }
  const existing = workspacePackageNames(dir);
  for (const packageName of [`@x/${name}`, `@x-examples/${name}`]) {
    if (existing.has(packageName))
      throw new ScaffoldError(`"${name}" already exists: ${packageName} is a workspace package`);
  }
  const changeset = join(dir, '.changeset', `${name}-first-release.md`);
  if (!example && existsSync(changeset)) throw new ScaffoldError(`"${name}" already exists: ${changeset}`);
  return names;
}

function render(text, names, file) {
  const rendered = text.replace(/\{\{(\w+)\}\}/g, (match, key) => {
    if (!Object.hasOwn(names, key)) throw new Error(`${file}: unknown placeholder ${match}`);
    return names[key];
  });
  return rendered;
}

function listTemplates(dir) {
  const files = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...listTemplates(path));
    else if (entry.endsWith('.tmpl')) files.push(path);
  }
  return files;
}

/** The files to write: `[relative path, content]`, relative to the repo root. */
function planFiles(names, { example }) {
  const files = [];
  const packageTemplates = join(templatesDir, 'package');
  for (const template of listTemplates(packageTemplates)) {
    const target = relative(packageTemplates, template)
      .slice(0, -'.tmpl'.length)
      .replaceAll('__name__', names.name);
    let content = render(readFileSync(template, 'utf8'), names, template);
    if (example && target === 'package.json') content = toPrivateManifest(content);
    if (example && target === 'README.md') content = toExampleReadme(content, names);
    files.push([`${names.packageDir}/${target}`, content]);
  }
  if (!example) {
    const changesets = join(templatesDir, 'changeset');
    for (const template of listTemplates(changesets)) {
      const target = relative(changesets, template)
        .slice(0, -'.tmpl'.length)
        .replaceAll('__name__', names.name);
      files.push([`.changeset/${target}`, render(readFileSync(template, 'utf8'), names, template)]);
    }
  }
  return files;
}

/** A worked example is a private workspace package: never versioned, never published. */
function toPrivateManifest(content) {
  const edits = [
    [/("version": "[^"]*",\n)/, '$1  "private": true,\n'],
    [/ {2}"publishConfig": .*\n/, ''],
    [/,\n {4}"publint": .*\n {4}"attw": .*\n/, '\n'],
  ];
  let edited = content;
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(edited)) throw new Error(`package.json template: no match for ${pattern}`);
    edited = edited.replace(pattern, replacement);
  }
  JSON.parse(edited); // still valid JSON
  return edited;
}

function toExampleReadme(content, names) {
  const note =
    `> A worked example, kept under \`examples/${names.name}\` and tested in CI, **not published**: it is the\n` +
    '> package `docs/adding-a-provider.md` builds step by step. Copy it into `packages/` (and rename it\n' +
    `> \`@x/${names.name}\`) to publish it.\n`;
  return content
    .replace(/^(# .*\n)/, `$1\n${note}`)
    .replace(
      /## Setup\n\n```sh\nnpm i .*\n```/,
      '## Setup\n\nIn this repo: `pnpm install`, then `pnpm --filter ' + names.packageName + ' test`.',
    );
}

/** Runs the repo's biome over the new files so they match the repo's formatting and import order. */
function formatFiles(root, paths) {
  const local = join(root, 'node_modules', '.bin', 'biome');
  const biome = existsSync(local) ? local : join(repoRoot, 'node_modules', '.bin', 'biome');
  if (!existsSync(biome)) return 'biome is not installed: run `pnpm install`, then `pnpm format`';
  const args = ['check', '--write', '--no-errors-on-unmatched', '--log-level=error', ...paths];
  if (!existsSync(join(root, 'biome.json'))) args.push(`--config-path=${repoRoot}`);
  const result = spawnSync(biome, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) return `biome could not format every file:\n${result.stdout}${result.stderr}`;
  return undefined;
}

function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`new-provider: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  let names;
  try {
    names = validate(options);
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(`new-provider: ${error.message}`);
    return 1;
  }
  const files = planFiles(names, options);
  const where = relative(process.cwd(), options.dir) || '.';
  if (options.dryRun) {
    console.log(`new-provider: dry run, nothing written. ${names.packageName} would be created in ${where}:`);
    for (const [path, content] of files) console.log(`  ${path}  (${Buffer.byteLength(content)} bytes)`);
    return 0;
  }
  for (const [path, content] of files) {
    const target = join(options.dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, { flag: 'wx' });
  }
  const warning = options.format ? formatFiles(options.dir, [names.packageDir]) : undefined;
  console.log(`new-provider: created ${names.packageName} in ${join(where, names.packageDir)}`);
  for (const [path] of files) console.log(`  ${path}`);
  if (warning) console.warn(`\nnew-provider: warning: ${warning}`);
  const filter = `pnpm --filter ${names.packageName}`;
  console.log(`
Next steps:
  1. pnpm install                      link the new package into the workspace
  2. ${filter} test     it builds and passes its tests as generated (conformance kit included)
  3. grep -rn "TODO(${names.name})" ${names.packageDir}   put in the vendor's specifics, one TODO at a time
  4. docs/adding-a-provider.md walks through each file${options.example ? '' : '; the changeset is .changeset/' + names.name + '-first-release.md'}`);
  return 0;
}

process.exitCode = main();
