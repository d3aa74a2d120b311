// A throwaway verdaccio on 127.0.0.1: installed with npm into a temporary directory, no uplinks (it
// serves only what is published to it), anonymous access and publish for @x/*, stopped by its process id.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runCommand, startProcess, stopProcess, tail } from './run-command.mjs';

/** Verdaccio 6.9+ refuses Node 20; 6.8.0 needs node-fetch pinned (see TOOLCHAIN.md). */
export const VERDACCIO_VERSION = '6.8.0';

/** Installs verdaccio into `directory` (its own package.json, with the node-fetch override). */
export async function installVerdaccio(directory, { env, log }) {
  const manifest = {
    name: 'release-check-registry',
    private: true,
    dependencies: { verdaccio: VERDACCIO_VERSION },
    overrides: { 'node-fetch': '2.7.0' },
  };
  writeFileSync(join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const result = await runCommand(
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
    { cwd: directory, env, timeoutMs: 150_000, log },
  );
  if (result.code !== 0)
    throw new Error(`npm install verdaccio@${VERDACCIO_VERSION} failed:\n${tail(result.stderr)}`);
  return result.ms;
}

/** Starts verdaccio from `directory` on a free port; resolves with `{ url, pid, stop }` once it answers. */
export async function startVerdaccio(directory, { env, log }) {
  const port = await findFreePort();
  const config = [
    'storage: ./storage',
    'auth:',
    '  htpasswd:',
    '    file: ./htpasswd',
    '    max_users: 10',
    'uplinks: {}',
    'packages:',
    "  '@x/*':",
    '    access: $all',
    '    publish: $all',
    '    unpublish: $all',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
  writeFileSync(join(directory, 'config.yaml'), config);
  const child = startProcess(
    process.execPath,
    [
      join(directory, 'node_modules/verdaccio/bin/verdaccio'),
      '--config',
      './config.yaml',
      '--listen',
      `127.0.0.1:${port}`,
    ],
    { cwd: directory, env, log },
  );
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => stopProcess(child);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with code ${child.exitCode}; see ${log}`);
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`verdaccio did not answer on ${url} within 30 s; see ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, pid: child.pid, stop };
}

/** Creates a user through the registry's CouchDB-style user API and returns its auth token. */
export async function createRegistryUser(url, name = 'release-check') {
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `pw-${Date.now()}-${Math.random()}`, type: 'user', roles: [] }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.token !== 'string')
    throw new Error(`creating a registry user failed: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
