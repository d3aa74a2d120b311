// A user's fresh, empty project: installs one provider from the local registry, checks the installed
// tree, then loads the provider with `import` (.mjs) and with `require` (.cjs) and runs a task through
// the provider's own sandbox from `<provider>/testing`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand, tail } from './run-command.mjs';

/** The published providers and the names of their factory and sandbox (DESIGN.md, the provider brief). */
export const PROVIDERS = [
  {
    name: '@x/anchor',
    directory: 'packages/anchor',
    factory: 'createAnchor',
    sandbox: 'createAnchorSandbox',
  },
  {
    name: '@x/browser-use',
    directory: 'packages/browser-use',
    factory: 'createBrowserUse',
    sandbox: 'createBrowserUseSandbox',
  },
  {
    name: '@x/browserai',
    directory: 'packages/browserai',
    factory: 'createBrowserAI',
    sandbox: 'createBrowserAISandbox',
  },
];

/** Creates the project in `directory` and runs `npm install <provider>` against `registryURL`. */
export async function installProvider(directory, provider, { registryURL, npmCache, env, log }) {
  mkdirSync(directory, { recursive: true });
  const manifest = { name: 'release-check-consumer', version: '0.0.0', private: true };
  writeFileSync(join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(directory, '.npmrc'), `registry=${registryURL}\n`);
  const result = await runCommand(
    'npm',
    [
      'install',
      provider.name,
      `--registry=${registryURL}`,
      `--cache=${npmCache}`,
      '--prefer-online',
      '--no-audit',
      '--no-fund',
    ],
    { cwd: directory, env, timeoutMs: 90_000, log },
  );
  if (result.code !== 0) throw new Error(`npm install ${provider.name} failed:\n${tail(result.stderr)}`);
}

/** Every package under `node_modules` (scoped, nested), as `name@version`, sorted. */
export function listInstalledPackages(directory) {
  const found = [];
  const visit = (modules) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue; // .bin, .package-lock.json
      const names = entry.startsWith('@')
        ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`)
        : [entry];
      for (const name of names) {
        const manifest = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
        found.push(`${manifest.name}@${manifest.version}`);
        visit(join(modules, name, 'node_modules'));
      }
    }
  };
  visit(join(directory, 'node_modules'));
  return found.sort();
}

/**
 * Writes and runs the smoke script in `format` ('esm' or 'cjs'). The script starts the sandbox, creates
 * a task, reads it with `getTask` while it is still in progress, waits for it to succeed and closes the
 * sandbox; it prints one JSON line. Resolves with that parsed line, or throws with the script's output.
 */
export async function runSmokeScript(directory, provider, format, { env, log }) {
  const file = join(directory, format === 'esm' ? 'smoke.mjs' : 'smoke.cjs');
  writeFileSync(file, smokeScript(provider, format));
  const result = await runCommand(process.execPath, [file], { cwd: directory, env, timeoutMs: 30_000, log });
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.code !== 0 || !last.startsWith('{'))
    throw new Error(
      `${format} smoke test of ${provider.name} failed (exit ${result.code}):\n${tail(result.stderr || result.stdout, 20)}`,
    );
  return JSON.parse(last);
}

function smokeScript(provider, format) {
  const load =
    format === 'esm'
      ? [
          `import { ${provider.factory}, VERSION } from '${provider.name}';`,
          `import { ${provider.sandbox} } from '${provider.name}/testing';`,
          `import { waitForTask } from '@x/core';`,
        ]
      : [
          `const { ${provider.factory}, VERSION } = require('${provider.name}');`,
          `const { ${provider.sandbox} } = require('${provider.name}/testing');`,
          `const { waitForTask } = require('@x/core');`,
        ];
  const body = `
async function main() {
  const sandbox = await ${provider.sandbox}();
  try {
    if (!sandbox.baseURL.startsWith('http://127.0.0.1:')) throw new Error('sandbox not on 127.0.0.1: ' + sandbox.baseURL);
    const provider = ${provider.factory}({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });
    const ref = sandbox.createTask({ outcome: 'succeeded', steps: 2, stepMs: 150 });
    const first = await provider.getTask(ref);
    if (first.status !== 'queued' && first.status !== 'running') throw new Error('first getTask: status ' + first.status);
    const finished = await waitForTask(provider, ref, { intervalMs: 25, timeoutMs: 15000 });
    if (finished.status !== 'succeeded') throw new Error('waitForTask: status ' + finished.status);
    const again = await provider.getTask(ref);
    if (again.status !== 'succeeded' || again.isTerminal !== true) throw new Error('getTask after the end: status ' + again.status);
    console.log(JSON.stringify({ version: VERSION, first: first.status, finished: finished.status, providerStatus: again.providerStatus }));
  } finally {
    await sandbox.close();
  }
}
main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exitCode = 1;
});
`;
  return `${load.join('\n')}\n${body}`;
}
