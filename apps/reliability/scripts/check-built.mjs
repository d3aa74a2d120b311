// Checks of the BUILT packages (dist/, minified), run by test/built.test.ts in a plain node process:
// what users see that source-level tests cannot (class names after minification, `require()` of the
// packages, which loads the very same ESM module as `import`, so classes match across the two). Prints `BUILT_RESULT <json>` and exits by itself.

import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';

const require = createRequire(import.meta.url);

const VENDORS = [
  {
    name: 'browser-use',
    module: '@x/browser-use',
    factory: 'createBrowserUse',
    sandbox: 'createBrowserUseSandbox',
    unknown: () => randomUUID(),
    bad: () => 'task_1',
  },
  {
    name: 'anchor',
    module: '@x/anchor',
    factory: 'createAnchor',
    sandbox: 'createAnchorSandbox',
    unknown: () => ({ taskId: randomUUID(), executionId: randomUUID() }),
    bad: () => ({ taskId: '../x', executionId: randomUUID() }),
  },
  {
    name: 'browserai',
    module: '@x/browserai',
    factory: 'createBrowserAI',
    sandbox: 'createBrowserAISandbox',
    unknown: () => randomUUID(),
    bad: () => 'a/../b',
  },
];

const rows = [];
const check = (provider, name, expected, observed) =>
  rows.push({ provider, case: name, expected: String(expected), observed: String(observed) });
const caught = (promise) =>
  promise.then(
    () => undefined,
    (error) => error,
  );

async function main() {
  const core = await import('@x/core');
  const coreCjs = require('@x/core');
  for (const vendor of VENDORS) {
    const esm = await import(vendor.module);
    const cjs = require(vendor.module);
    const { [vendor.sandbox]: createSandbox } = await import(`${vendor.module}/testing`);
    const sandbox = await createSandbox();
    try {
      const settings = { apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 0 };
      const provider = esm[vendor.factory](settings);

      const notFound = await caught(provider.getTask(vendor.unknown()));
      check(vendor.name, 'a 404: `error.name`', 'NotFoundError', notFound?.name);
      check(
        vendor.name,
        'a 404: `String(error)` begins with',
        'NotFoundError:',
        String(notFound).split(' ')[0],
      );
      check(vendor.name, 'a 404: `NotFoundError.isInstance`', true, core.NotFoundError.isInstance(notFound));
      check(
        vendor.name,
        'a 404: the class name (`error.constructor.name`)',
        'NotFoundError',
        notFound?.constructor.name,
      );
      check(
        vendor.name,
        'a 404: `util.inspect(error)` begins with',
        'NotFoundError:',
        inspect(notFound).split(' ')[0],
      );
      check(
        vendor.name,
        'a 404 without a cause: `cause` among its keys',
        false,
        Object.keys(notFound ?? {}).includes('cause'),
      );

      const invalid = await caught(provider.getTask(vendor.bad()));
      check(vendor.name, 'a bad id: `error.name`', 'InvalidArgumentError', invalid?.name);

      const bad = await caught(
        Promise.resolve().then(() => esm[vendor.factory]({ ...settings, timeoutMs: -1 })),
      );
      check(vendor.name, 'a bad setting: `error.name`', 'InvalidArgumentError', bad?.name);

      sandbox.injectFault({ status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '0' } });
      const limited = await caught(provider.getTask(vendor.unknown()));
      check(vendor.name, 'a 429: `error.name`', 'RateLimitError', limited?.name);

      check(vendor.name, '`require()` and `import()` give the same module', true, cjs === esm);
      const fromCjs = await caught(cjs[vendor.factory](settings).getTask(vendor.unknown()));
      check(vendor.name, 'from `require()`: a 404 is a `NotFoundError`', 'NotFoundError', fromCjs?.name);
      check(
        vendor.name,
        'an error from `require()`, `instanceof` the imported class',
        true,
        fromCjs instanceof core.NotFoundError,
      );
      check(
        vendor.name,
        'an error from `import()`, `isInstance` of the required class',
        true,
        coreCjs.APIError.isInstance(notFound),
      );
    } finally {
      await sandbox.close();
    }
  }
  console.log(`BUILT_RESULT ${JSON.stringify(rows)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
