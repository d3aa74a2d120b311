import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { type AnyTaskProvider, waitForTask, XError } from '@x/core';
import type { Fault } from '@x/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorClassOf } from './support/check-task';
import { ADAPTERS, getTask, type ProviderAdapter, type Sandbox } from './support/providers';
import { createRecorder, type SecrecyRow } from './support/report';

const recorder = createRecorder<SecrecyRow>('secrecy');
afterAll(() => recorder.flush());

/** Leaks of at least this many consecutive characters of the key's secret part count. */
const WINDOW = 8;

interface KeyKind {
  label: string;
  make(): { key: string; secret: string };
}

const KEYS: KeyKind[] = [
  {
    label: 'sandbox default (`sk-sandbox-` + 32 hex)',
    make: () => {
      const secret = randomBytes(16).toString('hex');
      return { key: `sk-sandbox-${secret}`, secret };
    },
  },
  {
    label: 'no prefix (40 random base62)',
    make: () => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
      const secret = Array.from(randomBytes(40), (byte) => alphabet[byte % alphabet.length]).join('');
      return { key: secret, secret };
    },
  },
];

interface SecrecyCase {
  name: string;
  faults(key: string, adapter: ProviderAdapter): Fault[];
  maxRetries?: number;
  maxResponseBytes?: number;
  /** Another call than `getTask`. */
  call?(provider: AnyTaskProvider, ref: unknown): Promise<unknown>;
  /** The call succeeds: the task returned is searched instead of an error. */
  succeeds?: boolean;
}

const echoHeaders = (key: string) => ({
  'www-authenticate': `apikey ${key}`,
  'x-echo-key': key,
  'set-cookie': `session=${key}; HttpOnly`,
  'x-request-id': `req-${key}`,
});

const CASES: SecrecyCase[] = [
  {
    name: '401 echoing the key in body and headers',
    faults: (key, adapter) => [
      { status: 401, body: adapter.errorBody(`Invalid API key ${key}`), headers: echoHeaders(key) },
    ],
  },
  {
    name: '500 echoing the key, retried once',
    maxRetries: 1,
    faults: (key, adapter) => [
      {
        status: 500,
        body: { ...(adapter.errorBody(`boom for ${key}`) as object), echo: key },
        headers: echoHeaders(key),
        times: 2,
      },
    ],
  },
  {
    name: '422 echoing the key in a validation error',
    faults: (key) => [
      { status: 422, body: { detail: [{ loc: ['header', key], msg: `bad key ${key}`, type: 'x' }] } },
    ],
  },
  {
    name: '429 with the key in Retry-After',
    maxRetries: 0,
    faults: (key, adapter) => [
      { status: 429, body: adapter.errorBody(key), headers: { 'retry-after': key } },
    ],
  },
  {
    name: '302 with the key in Location',
    faults: (key) => [{ status: 302, body: '', headers: { location: `https://evil.test/?key=${key}` } }],
  },
  {
    name: '502 HTML page titled with the key',
    faults: (key) => [
      { status: 502, body: `<html><head><title>${key}</title></head><body>${key}</body></html>`, times: 3 },
    ],
  },
  {
    name: '200 whose body starts with the key (not JSON)',
    faults: (key) => [{ status: 200, body: `${key} is not JSON`, headers: { 'content-type': 'text/plain' } }],
  },
  {
    name: '200 with the key inside broken JSON',
    faults: (key) => [
      { status: 200, body: `{"echo": ${key}}`, headers: { 'content-type': 'application/json' } },
    ],
  },
  {
    name: '200 JSON that is not a task, full of the key',
    faults: (key) => [
      {
        status: 200,
        body: { id: 42, status: 42, data: 42, steps: key, echo: key, [key]: key },
        headers: { 'x-echo-key': key },
      },
    ],
  },
  {
    name: '200 too large, the key in its first bytes',
    maxResponseBytes: 64,
    faults: (key) => [{ status: 200, body: `{"echo":"${key}","pad":"${'x'.repeat(200)}"}` }],
  },
  {
    name: 'a body cut mid-way after the key',
    maxRetries: 0,
    faults: (key) => [
      { status: 500, body: `{"echo":"${key}","pad":"${'x'.repeat(200)}"}`, truncateAfterBytes: 60 },
    ],
  },
  {
    name: 'a task whose answer echoes the key in its headers',
    succeeds: true,
    faults: (key) => [{ headers: echoHeaders(key) }],
  },
  {
    name: 'waitForTask through a 401 echoing the key',
    faults: (key, adapter) => [{ status: 401, body: adapter.errorBody(key), headers: echoHeaders(key) }],
    call: (provider, ref) => waitForTask(provider, ref, { intervalMs: 5, timeoutMs: 2_000 }),
  },
];

/** Every text a user or a log could see of an error, its causes included. */
function errorTexts(error: unknown): string[] {
  const texts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    const asError = current as Error & { body?: unknown; headers?: unknown };
    texts.push(
      String(current),
      String(asError.message),
      String(asError.stack),
      safeStringify(current),
      safeStringify(asError.body),
      safeStringify(asError.headers),
      inspect(current, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    );
    current = asError.cause;
  }
  return texts;
}

function providerTexts(provider: AnyTaskProvider): string[] {
  const api = (provider as { api?: unknown }).api;
  return [
    String(provider),
    safeStringify(provider),
    inspect(provider, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    ...(api ? [safeStringify(api), inspect(api, { depth: Number.POSITIVE_INFINITY })] : []),
  ];
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    return `<JSON.stringify threw ${errorClassOf(error)}>`;
  }
}

/** Where the key, or any `WINDOW` characters of its secret part, shows. */
function findLeaks(texts: Array<[where: string, text: string]>, key: string, secret: string): string[] {
  const windows = new Set<string>();
  for (let start = 0; start + WINDOW <= secret.length; start++)
    windows.add(secret.slice(start, start + WINDOW));
  const leaks: string[] = [];
  for (const [where, text] of texts) {
    if (text.includes(key)) {
      leaks.push(`the whole key in ${where}`);
      continue;
    }
    const piece = [...windows].find((window) => text.includes(window));
    if (piece) {
      const at = text.indexOf(piece);
      leaks.push(
        `part of the key in ${where}: …${text.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, ' ')}…`,
      );
    }
  }
  return leaks;
}

/** Captures everything written to the console, stdout and stderr while `run` runs. */
async function captureOutput(run: () => Promise<void>): Promise<string[]> {
  const written: string[] = [];
  const record = (...parts: unknown[]) => {
    written.push(parts.map((part) => (typeof part === 'string' ? part : inspect(part))).join(' '));
  };
  const spies = [
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(record),
    ),
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      record(String(chunk));
      return true;
    }),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
      record(String(chunk));
      return true;
    }),
  ];
  const onWarning = (warning: Error) => record(warning.message);
  process.on('warning', onWarning);
  try {
    await run();
  } finally {
    process.off('warning', onWarning);
    for (const spy of spies) spy.mockRestore();
  }
  return written;
}

describe.each(ADAPTERS)('$name: the key stays secret', (adapter) => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  for (const [keyIndex, keyKind] of KEYS.entries()) {
    describe(keyKind.label, () => {
      let sandbox: Sandbox;
      const { key, secret } = keyKind.make();
      beforeAll(async () => {
        sandbox = await adapter.createSandbox({ apiKey: key });
      });
      afterAll(async () => {
        await sandbox?.close();
      });

      for (const [caseIndex, secrecyCase] of CASES.entries()) {
        it(secrecyCase.name, async () => {
          sandbox.server.clearFaults();
          sandbox.server.clearRequests();
          const provider = adapter.create({
            apiKey: key,
            baseURL: sandbox.baseURL,
            maxRetries: secrecyCase.maxRetries ?? 0,
            maxRetryDelayMs: 5,
            ...(secrecyCase.maxResponseBytes ? { maxResponseBytes: secrecyCase.maxResponseBytes } : {}),
          });
          const ref = adapter.runningTask(sandbox);
          for (const fault of secrecyCase.faults(key, adapter)) sandbox.injectFault(fault);

          let caught: unknown;
          let result: unknown;
          const output = await captureOutput(async () => {
            caught = await (secrecyCase.call ? secrecyCase.call(provider, ref) : getTask(provider, ref)).then(
              (value) => {
                result = value;
                return undefined;
              },
              (error: unknown) => error,
            );
          });

          const texts: Array<[string, string]> = [
            ...errorTexts(caught).map((text, index): [string, string] => [errorSurface(index), text]),
            ...(result === undefined
              ? []
              : [
                  ['the task (JSON.stringify)', safeStringify(result)] as [string, string],
                  ['the task (util.inspect)', inspect(result, { depth: Number.POSITIVE_INFINITY })] as [
                    string,
                    string,
                  ],
                ]),
            ...providerTexts(provider).map((text, index): [string, string] => [
              `the provider (${PROVIDER_SURFACES[index]})`,
              text,
            ]),
            ...output.map((text): [string, string] => ['the console/stdout/stderr', text]),
          ];
          const problems = findLeaks(texts, key, secret);
          if (secrecyCase.succeeds) {
            if (caught !== undefined) problems.push(`${errorClassOf(caught)}, expected a task`);
          } else if (caught === undefined) problems.push('the call succeeded: the fault was not served');
          else if (!XError.isInstance(caught)) problems.push(`${errorClassOf(caught)} is not an XError`);
          recorder.add({
            provider: adapter.name,
            order: keyIndex * 100 + caseIndex,
            key: keyKind.label,
            case: secrecyCase.name,
            outcome: caught === undefined ? 'Task' : errorClassOf(caught),
            surfaces: texts.length,
            problems: [...new Set(problems)],
          });
          expect(problems).toEqual([]);
        });
      }
    });
  }
});

const ERROR_SURFACES = ['String()', 'message', 'stack', 'JSON.stringify', 'body', 'headers', 'util.inspect'];
const PROVIDER_SURFACES = [
  'String()',
  'JSON.stringify',
  'util.inspect',
  'api JSON.stringify',
  'api util.inspect',
];

function errorSurface(index: number): string {
  const depth = Math.floor(index / ERROR_SURFACES.length);
  const surface = ERROR_SURFACES[index % ERROR_SURFACES.length];
  return depth === 0
    ? `the error's ${surface}`
    : `its cause${depth > 1 ? ` (depth ${depth})` : ''} ${surface}`;
}
