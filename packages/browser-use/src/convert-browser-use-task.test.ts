import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import allNull from './__fixtures__/browser-use-task-all-null.json';
import finished from './__fixtures__/browser-use-task-finished.json';
import { createBrowserUse } from './browser-use-provider';

const BASE = 'https://api.browser-use.com/api/v2';
const ID = finished.id;
const provider = createBrowserUse({ apiKey: 'test-key', maxRetries: 0 });
const originalTimeZone = process.env.TZ;

afterEach(() => {
  if (originalTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalTimeZone;
});

describe('getTask (normalized TaskView)', () => {
  it('normalizes a finished task, keeping the body untouched in raw', async () => {
    nock(BASE).get(`/tasks/${ID}`).reply(200, finished, { 'x-request-id': 'req_123' });
    const task = await provider.getTask(ID);
    expect(task).toEqual({
      provider: 'browser-use',
      id: `browser-use:${ID}`,
      status: 'succeeded',
      providerStatus: 'finished',
      isTerminal: true,
      createdAt: new Date(Date.UTC(2025, 8, 1, 10, 0, 0, 123)),
      startedAt: new Date(Date.UTC(2025, 8, 1, 10, 0, 1, 500)),
      finishedAt: new Date(Date.UTC(2025, 8, 1, 10, 0, 19, 250)),
      durationMs: 17_750,
      output: 'Show HN: A tiny SQLite browser in 200 lines',
      steps: [
        {
          index: 1,
          url: 'about:blank',
          goal: 'Open news.ycombinator.com',
          evaluation: 'Unknown - first step',
          memory: 'Starting. Need to open Hacker News.',
          actions: [{ go_to_url: { url: 'https://news.ycombinator.com', new_tab: false } }],
          screenshotUrl: 'https://cdn.browser-use.com/screenshots/b7c2f0de/1.png',
          durationMs: 4250,
          raw: finished.steps[0],
        },
        {
          index: 2,
          url: 'https://news.ycombinator.com/',
          goal: 'Read the title of the first post and finish',
          evaluation: 'Success - the front page loaded',
          memory: 'On the front page. The top post is visible.',
          actions: [
            { extract_structured_data: { query: 'title of the first post' } },
            'done: returned the title',
          ],
          durationMs: 13_500,
          raw: finished.steps[1],
        },
      ],
      artifacts: [
        { kind: 'screenshot', url: 'https://cdn.browser-use.com/screenshots/b7c2f0de/1.png', stepIndex: 1 },
        { kind: 'file', id: '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a', name: 'result.md' },
      ],
      cost: '0.0210',
      metadata: {
        isSuccess: true,
        judgeVerdict: true,
        judgement: '{"verdict":true,"reasoning":"The title was returned."}',
        llm: 'browser-use-llm',
        sessionId: 'f3a9d2c1-7e4b-4c8a-b1d6-0e5f9a8c7b32',
        browserUseVersion: '0.7.10',
        task: 'Find the top post on Hacker News and return its title',
        suggestions: [{ type: 'max_steps', message: 'Fewer steps would do.' }],
        userMetadata: { customer: 'acme', run: 7 },
      },
      raw: finished,
      response: { headers: expect.objectContaining({ 'x-request-id': 'req_123' }), requestId: 'req_123' },
    });
  });

  it('keeps a finished task whose agent reports failure as succeeded, with the verdicts in metadata', async () => {
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(200, { ...finished, isSuccess: false, judgeVerdict: false });
    const task = await provider.getTask(ID);
    expect(task.status).toBe('succeeded');
    expect(task.error).toBeUndefined();
    expect(task.metadata).toMatchObject({ isSuccess: false, judgeVerdict: false });
  });

  it('normalizes a body whose optional fields are all null', async () => {
    nock(BASE).get(`/tasks/${allNull.id}`).reply(200, allNull);
    const task = await provider.getTask(allNull.id);
    expect(task).toEqual({
      provider: 'browser-use',
      id: `browser-use:${allNull.id}`,
      status: 'queued',
      providerStatus: 'created',
      isTerminal: false,
      createdAt: new Date(Date.UTC(2025, 8, 1, 10, 0, 0)),
      steps: [],
      artifacts: [],
      metadata: { llm: 'gpt-4.1', sessionId: allNull.sessionId, task: 'Open example.com' },
      raw: allNull,
      response: { headers: expect.any(Object) },
    });
  });

  it('normalizes a body with the optional fields missing, and steps without optional fields', async () => {
    const step = {
      number: 1,
      memory: 'm',
      evaluationPreviousGoal: 'e',
      nextGoal: 'g',
      url: 'https://a.example',
      actions: [],
    };
    const body = {
      id: ID,
      sessionId: finished.sessionId,
      llm: 'x',
      task: 't',
      status: 'started',
      createdAt: '2025-09-01T10:00:00',
      steps: [step],
      outputFiles: [],
    };
    nock(BASE).get(`/tasks/${ID}`).reply(200, body);
    const task = await provider.getTask(ID);
    expect(task.status).toBe('running');
    expect(task.startedAt).toBeUndefined();
    expect(task.cost).toBeUndefined();
    expect(task.output).toBeUndefined();
    expect(task.steps).toEqual([
      { index: 1, url: 'https://a.example', goal: 'g', evaluation: 'e', memory: 'm', actions: [], raw: step },
    ]);
    expect(task.artifacts).toEqual([]);
  });

  it('maps an unknown status to unknown and keeps the word', async () => {
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(200, { ...allNull, id: ID, status: 'paused' });
    const task = await provider.getTask(ID);
    expect(task.status).toBe('unknown');
    expect(task.providerStatus).toBe('paused');
    expect(task.isTerminal).toBe(false);
  });

  it.each([
    ['failed', 'failed'],
    ['stopped', 'cancelled'],
    ['FAILED', 'failed'],
    [' Stopped ', 'cancelled'],
  ] as const)('uses the output of a %j task as its error', async (word, status) => {
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(200, { ...finished, status: word, output: 'Browser crashed', outputFiles: [] });
    const task = await provider.getTask(ID);
    expect(task.status).toBe(status);
    expect(task.error).toBe('Browser crashed');
    expect(task.output).toBe('Browser crashed');
  });

  it('leaves error undefined for a failed task without output', async () => {
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(200, { ...finished, status: 'failed', output: null });
    const task = await provider.getTask(ID);
    expect(task.status).toBe('failed');
    expect(task).not.toHaveProperty('error');
    expect(task).not.toHaveProperty('output');
  });

  it('reads naive timestamps as UTC whatever the machine time zone', async () => {
    process.env.TZ = 'Asia/Kolkata';
    expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(-330); // the zone is in effect
    nock(BASE).get(`/tasks/${ID}`).reply(200, finished);
    const task = await provider.getTask(ID);
    expect(task.createdAt?.getTime()).toBe(Date.UTC(2025, 8, 1, 10, 0, 0, 123));
    expect(task.finishedAt?.toISOString()).toBe('2025-09-01T10:00:19.250Z');
  });

  it('keeps a timestamp that carries a zone as is, and ignores an unparseable one', async () => {
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(200, { ...finished, startedAt: '2025-09-01T12:00:01+02:00', finishedAt: 'soon' });
    const task = await provider.getTask(ID);
    expect(task.startedAt?.getTime()).toBe(Date.UTC(2025, 8, 1, 10, 0, 1));
    expect(task.finishedAt).toBeUndefined();
  });

  it('accepts the string form of the reference', async () => {
    nock(BASE).get(`/tasks/${ID}`).reply(200, finished);
    expect((await provider.getTask(`browser-use:${ID}`)).id).toBe(`browser-use:${ID}`);
  });
});

describe('pollTask (light status view)', () => {
  it('normalizes the TaskStatusView without steps', async () => {
    const view = {
      id: ID,
      status: 'finished',
      output: 'done',
      finishedAt: '2025-09-01T10:00:19.250',
      isSuccess: true,
      cost: '0.02',
    };
    nock(BASE).get(`/tasks/${ID}/status`).reply(200, view);
    expect(await provider.pollTask(ID)).toEqual({
      provider: 'browser-use',
      id: `browser-use:${ID}`,
      status: 'succeeded',
      providerStatus: 'finished',
      isTerminal: true,
      finishedAt: new Date(Date.UTC(2025, 8, 1, 10, 0, 19, 250)),
      output: 'done',
      cost: '0.02',
      steps: [],
      artifacts: [],
      metadata: { isSuccess: true },
      raw: view,
      response: { headers: expect.any(Object) },
    });
  });

  it('normalizes an all-null view', async () => {
    const view = { id: ID, status: 'started', output: null, finishedAt: null, isSuccess: null, cost: null };
    nock(BASE).get(`/tasks/${ID}/status`).reply(200, view);
    const task = await provider.pollTask(ID);
    expect(task).toMatchObject({ status: 'running', providerStatus: 'started', metadata: {}, raw: view });
    expect(task).not.toHaveProperty('cost');
    expect(task).not.toHaveProperty('finishedAt');
  });

  it('gives the error of a failed task', async () => {
    nock(BASE).get(`/tasks/${ID}/status`).reply(200, { id: ID, status: 'failed', output: 'Out of steps' });
    expect(await provider.pollTask(ID)).toMatchObject({ status: 'failed', error: 'Out of steps' });
  });
});
