import {
  type AnyTaskProvider,
  InvalidArgumentError,
  MissingApiKeyError,
  type ProviderSettings,
} from '@x/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorClassOf } from './support/check-task';
import { ADAPTERS, getTask, type Sandbox } from './support/providers';
import { type BadInputRow, createRecorder, shorten } from './support/report';

const recorder = createRecorder<BadInputRow>('bad-input');
afterAll(() => recorder.flush());

const UUID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

/** Ids no provider may put in a URL. */
const BAD_IDS: Array<[label: string, value: unknown]> = [
  ['empty string', ''],
  ['whitespace only', '   '],
  ['a tab', '\t'],
  ['`/` (`a/b`)', 'a/b'],
  ['`..`', '..'],
  ['`.`', '.'],
  ['`?` (`a?b=1`)', 'a?b=1'],
  ['`#` (`a#b`)', 'a#b'],
  ['`%2e%2e`', '%2e%2e'],
  ['`%2F` (`a%2Fb`)', 'a%2Fb'],
  ['`\\` (`a\\b`)', 'a\\b'],
  ['CR/LF (`a\\r\\nX-Injected: 1`)', 'a\r\nX-Injected: 1'],
  ['LF alone', 'a\nb'],
  ['NUL', 'a\u0000b'],
  ['DEL', 'a\u007fb'],
  ['a C1 control (U+0085)', 'a\u0085b'],
  ['10,000 characters', 'x'.repeat(10_000)],
  ['a uuid then `/..`', `${UUID}/..`],
  ['a uuid then `?x=1`', `${UUID}?x=1`],
  ['`null`', null],
  ['`undefined`', undefined],
  ['a number (42)', 42],
  ['`NaN`', Number.NaN],
  ['`true`', true],
  ['an object `{}`', {}],
  ['an array `[uuid]`', [UUID]],
  ['an object whose toString is a uuid', { toString: () => UUID }],
  ['a String object', new String(UUID)],
];

/** Ids that are fine path segments but not uuids, for the ids the specs type as uuids. */
const NON_UUIDS: Array<[label: string, value: string]> = [
  ['`task_1`', 'task_1'],
  ['a uuid without dashes', UUID.replace(/-/g, '')],
  ['a uuid with a trailing space', `${UUID} `],
  ['a uuid in braces', `{${UUID}}`],
  ['a uuid with a letter past f', `${UUID.slice(0, -1)}g`],
  ['a uuid with fullwidth digits', UUID.replace(/3/g, '３')],
];

const BAD_BASE_URLS: Array<[label: string, value: unknown]> = [
  ['`ftp://`', 'ftp://api.example.test'],
  ['`javascript:`', 'javascript:alert(1)'],
  ['`file:`', 'file:///etc/passwd'],
  ['`data:`', 'data:text/plain,hello'],
  ['relative (`api/v1`)', 'api/v1'],
  ['path only (`/api/v1`)', '/api/v1'],
  ['no scheme (`localhost:3000`)', 'localhost:3000'],
  ['with credentials', 'https://user:secret@api.example.test'],
  ['with a query', 'https://api.example.test/?token=1'],
  ['with a fragment', 'https://api.example.test/#x'],
  ['CR/LF inside', 'https://api.example.test/\r\nX-Injected: 1'],
  ['empty string', ''],
  ['a number', 42],
  ['`null`', null],
];

const BAD_KEYS: Array<[label: string, value: unknown, expected: string]> = [
  ['CR/LF in the key', 'sk-test\r\nX-Injected: 1', 'InvalidArgumentError'],
  ['LF in the key', 'sk-test\nfoo', 'InvalidArgumentError'],
  ['NUL in the key', 'sk-test\u0000foo', 'InvalidArgumentError'],
  ['a number as the key', 12_345, 'InvalidArgumentError'],
  ['an empty key', '', 'MissingApiKeyError'],
  ['a whitespace key', '   ', 'MissingApiKeyError'],
];

const BAD_HEADERS: Array<[label: string, value: unknown]> = [
  ['CR/LF in a value', { 'x-team': 'a\r\nX-Injected: 1' }],
  ['LF in a value', { 'x-team': 'a\nb' }],
  ['NUL in a value', { 'x-team': 'a\u0000b' }],
  ['CR/LF in a name', { 'x-team\r\nX-Injected': '1' }],
  ['a space in a name', { 'x team': '1' }],
  ['a number as a value', { 'x-team': 1 }],
  ['not an object (a string)', 'x-team: 1'],
];

const BAD_NUMBERS: Array<[label: string, value: Partial<Record<keyof ProviderSettings, unknown>>]> = [
  ['`timeoutMs: -1`', { timeoutMs: -1 }],
  ['`timeoutMs: 0`', { timeoutMs: 0 }],
  ['`timeoutMs: NaN`', { timeoutMs: Number.NaN }],
  ['`timeoutMs: Infinity`', { timeoutMs: Number.POSITIVE_INFINITY }],
  ["`timeoutMs: '100'`", { timeoutMs: '100' }],
  ['`maxRetries: -1`', { maxRetries: -1 }],
  ['`maxRetries: 1.5`', { maxRetries: 1.5 }],
  ['`maxResponseBytes: 0`', { maxResponseBytes: 0 }],
  ['`maxRetryDelayMs: -5`', { maxRetryDelayMs: -5 }],
  ["`fetch: 'fetch'` (not a function)", { fetch: 'fetch' }],
];

type Attempt = () => unknown;

/** Runs each attempt (sync throw or rejected promise) and tallies the outcomes. */
async function outcomesOf(attempts: Attempt[]): Promise<string[]> {
  const outcomes: string[] = [];
  for (const attempt of attempts) {
    try {
      await attempt();
      outcomes.push('accepted');
    } catch (error) {
      outcomes.push(errorClassOf(error));
    }
  }
  return outcomes;
}

const tally = (outcomes: string[]) =>
  Object.entries(
    outcomes.reduce<Record<string, number>>((counts, outcome) => {
      counts[outcome] = (counts[outcome] ?? 0) + 1;
      return counts;
    }, {}),
  )
    .map(([outcome, count]) => (count > 1 ? `${outcome} ×${count}` : outcome))
    .join(', ');

describe.each(ADAPTERS)('$name: bad input is refused before any request', (adapter) => {
  let sandbox: Sandbox;
  let order = 0;
  beforeAll(async () => {
    sandbox = await adapter.createSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const settings = (extra: Record<string, unknown> = {}) =>
    ({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 0, ...extra }) as ProviderSettings;

  /** Records one input: every attempt must end in `expected` with no request seen. */
  async function check(
    category: string,
    input: string,
    attempts: Attempt[],
    expected: string[] = ['InvalidArgumentError'],
  ) {
    sandbox.server.clearRequests();
    const outcomes = await outcomesOf(attempts);
    const requests = sandbox.server.requests.length;
    const problems: string[] = [];
    const wrong = outcomes.filter((outcome) => !expected.includes(outcome));
    if (wrong.length > 0) problems.push(`${tally(wrong)} (expected ${expected.join(' or ')})`);
    if (requests > 0) problems.push(`the sandbox saw ${requests} request(s)`);
    recorder.add({
      provider: adapter.name,
      order: order++,
      category,
      input,
      outcome: tally(outcomes),
      calls: outcomes.length,
      requests,
      problems,
    });
    return problems;
  }

  /** Every call that takes an id, with `id` in every slot. */
  function idAttempts(provider: AnyTaskProvider, id: unknown): Attempt[] {
    return [
      ...adapter.refsWithId(id).map(
        ({ ref }) =>
          () =>
            getTask(provider, ref),
      ),
      ...adapter.idCalls(provider).map(
        ({ call }) =>
          () =>
            call(id),
      ),
      ...(typeof id === 'string' ? [() => provider.parseRef(adapter.stringRefWithId(id))] : []),
    ];
  }

  it('ids that could reach another endpoint, or are not ids at all', async () => {
    const provider = adapter.create(settings());
    const problems: string[] = [];
    for (const [label, id] of BAD_IDS) {
      problems.push(
        ...(await check(
          'Ids (`getTask`, each id slot, vendor endpoints, polling, `parseRef`)',
          label,
          idAttempts(provider, id),
        )),
      );
    }
    expect(problems).toEqual([]);
  });

  it('non-uuids where the spec says uuid', async () => {
    const provider = adapter.create(settings());
    const problems: string[] = [];
    for (const [label, id] of NON_UUIDS) {
      const attempts = adapter.idsAreUuids
        ? [
            ...adapter
              .refsWithId(id)
              .filter(({ slot }) => slot !== 'runId')
              .map(
                ({ ref }) =>
                  () =>
                    getTask(provider, ref),
              ),
            () => provider.parseRef(adapter.stringRefWithId(id)),
          ]
        : [];
      if (attempts.length === 0) {
        recorder.add({
          provider: adapter.name,
          order: order++,
          category: 'Non-uuids where the spec types the id as a uuid',
          input: label,
          outcome: 'n/a (session ids are free strings)',
          calls: 0,
          requests: 0,
          problems: [],
        });
        continue;
      }
      problems.push(...(await check('Non-uuids where the spec types the id as a uuid', label, attempts)));
    }
    expect(problems).toEqual([]);
  });

  it('base URLs that are not absolute http(s) URLs', async () => {
    const problems: string[] = [];
    for (const [label, baseURL] of BAD_BASE_URLS) {
      problems.push(
        ...(await check('Base URL (the option at creation, the environment variable at the call)', label, [
          () => adapter.create(settings({ baseURL })),
          // Environment variables are strings (an empty one means "not set").
          ...(typeof baseURL === 'string' && baseURL !== ''
            ? [
                async () => {
                  vi.stubEnv(adapter.baseURLEnvironmentVariable, baseURL);
                  try {
                    const provider = adapter.create({ apiKey: sandbox.apiKey, maxRetries: 0 });
                    return await getTask(provider, adapter.runningTask(sandbox));
                  } finally {
                    vi.unstubAllEnvs();
                  }
                },
              ]
            : []),
        ])),
      );
    }
    expect(problems).toEqual([]);
  });

  it('API keys with control characters, or none', async () => {
    const problems: string[] = [];
    for (const [label, apiKey, expected] of BAD_KEYS) {
      problems.push(
        ...(await check(
          'API key (option and environment variable; reported at the first call)',
          label,
          [
            () => getTask(adapter.create(settings({ apiKey })), adapter.runningTask(sandbox)),
            // The environment cannot hold a NUL (Node cuts the value there), so that one is an option only.
            ...(typeof apiKey === 'string' && !apiKey.includes('\u0000')
              ? [
                  async () => {
                    vi.stubEnv(adapter.apiKeyEnvironmentVariable, apiKey);
                    try {
                      const provider = adapter.create({ baseURL: sandbox.baseURL, maxRetries: 0 });
                      return await getTask(provider, adapter.runningTask(sandbox));
                    } finally {
                      vi.unstubAllEnvs();
                    }
                  },
                ]
              : []),
          ],
          [expected],
        )),
      );
    }
    expect(problems).toEqual([]);
  });

  it('the key never shows in the error about it', async () => {
    const key = 'sk-visible-secret\r\nX-Injected: 1';
    const error = await getTask(
      adapter.create(settings({ apiKey: key })),
      adapter.runningTask(sandbox),
    ).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error) || MissingApiKeyError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain('sk-visible-secret');
    expect(String((error as Error).stack)).not.toContain('sk-visible-secret');
  });

  it('header names and values with control characters', async () => {
    const problems: string[] = [];
    for (const [label, headers] of BAD_HEADERS) {
      problems.push(
        ...(await check('Headers (`headers` at creation, per-call `headers`)', label, [
          () => adapter.create(settings({ headers })),
          () =>
            getTask(adapter.create(settings()), adapter.runningTask(sandbox), {
              headers: headers as Record<string, string>,
            }),
        ])),
      );
    }
    expect(problems).toEqual([]);
  });

  it('numeric options and fetch out of range', async () => {
    const problems: string[] = [];
    for (const [label, extra] of BAD_NUMBERS) {
      const perCall = Object.fromEntries(
        Object.entries(extra).filter(([name]) => name === 'timeoutMs' || name === 'maxRetries'),
      );
      problems.push(
        ...(await check(
          'Numeric options and `fetch` (at creation; `timeoutMs` and `maxRetries` per call too)',
          label,
          [
            () => adapter.create(settings(extra)),
            ...(Object.keys(perCall).length > 0
              ? [() => getTask(adapter.create(settings()), adapter.runningTask(sandbox), perCall as never)]
              : []),
          ],
        )),
      );
    }
    expect(problems).toEqual([]);
  });

  it('messages about bad ids are one line and never echo a long id', async () => {
    const provider = adapter.create(settings());
    for (const id of ['x'.repeat(10_000), 'a\r\nX-Injected: 1']) {
      for (const { ref } of adapter.refsWithId(id)) {
        const error = (await getTask(provider, ref).catch((caught: unknown) => caught)) as Error;
        expect(shorten(error.message, 10_000)).toBe(error.message.trim());
        expect(error.message.length).toBeLessThan(300);
      }
    }
  });
});
