import { afterEach, describe, expect, it, vi } from 'vitest';
import { type HttpIncident, observeFetch } from './observe-fetch';

const URL = 'http://127.0.0.1:1/api/v2/tasks/3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';

/** Observes one answer of `status` with `statusText` and `retry-after`, sent for a request with `headers`. */
async function observe(
  answer: { status: number; statusText: string; retryAfter?: string },
  headers: Record<string, string>,
  secrets?: readonly string[],
): Promise<HttpIncident[]> {
  const incidents: HttpIncident[] = [];
  const base = async () =>
    new Response(null, {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.retryAfter === undefined ? {} : { 'retry-after': answer.retryAfter },
    });
  const observed = observeFetch((incident) => incidents.push(incident), base, { secrets });
  const response = await observed(URL, { headers });
  expect(response.status).toBe(answer.status); // handed on untouched
  expect(response.statusText).toBe(answer.statusText);
  return incidents;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('observeFetch', () => {
  it('reports a retryable answer as sent when it holds no key', async () => {
    expect(
      await observe({ status: 429, statusText: 'Too Many Requests', retryAfter: '1' }, { 'x-api': 'v' }),
    ).toEqual([{ url: URL, status: 429, statusText: 'Too Many Requests', retryAfter: '1' }]);
  });

  it.each([
    { header: 'x-browser-use-api-key', value: 'sk-bu-0123456789' },
    { header: 'anchor-api-key', value: 'sk-an-0123456789' },
    { header: 'authorization', value: 'apikey sk-ba-0123456789' },
  ])(
    'redacts the key the request sent in $header from the status text and Retry-After',
    async ({ header, value }) => {
      const key = value.replace(/^apikey /, '');
      const [incident] = await observe(
        { status: 503, statusText: `Unavailable ${key}`, retryAfter: `0 ${key}` },
        { [header]: value },
      );
      expect(incident).toMatchObject({ statusText: 'Unavailable [REDACTED]', retryAfter: '0 [REDACTED]' });
      expect(JSON.stringify(incident)).not.toContain(key);
    },
  );

  it("redacts the vendors' keys from the environment and the given secrets, even in no request header", async () => {
    vi.stubEnv('BROWSER_USE_API_KEY', 'sk-env-browser-use');
    vi.stubEnv('ANCHORBROWSER_API_KEY', 'sk-env-anchor');
    vi.stubEnv('BROWSERAI_API_KEY', 'sk-env-browserai');
    const [incident] = await observe(
      {
        status: 502,
        statusText: 'Bad sk-env-browser-use sk-env-anchor',
        retryAfter: 'sk-env-browserai sk-sandbox-demo',
      },
      {},
      ['sk-sandbox-demo'],
    );
    expect(incident).toMatchObject({
      statusText: 'Bad [REDACTED] [REDACTED]',
      retryAfter: '[REDACTED] [REDACTED]',
    });
  });

  it('does not report an answer the SDK does not retry', async () => {
    expect(await observe({ status: 404, statusText: 'Not Found sk-bu-0123456789' }, {})).toEqual([]);
  });
});
