import { waitForTask } from '@x/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSkyvern, type SkyvernProvider } from '../skyvern-provider';
import { createSkyvernSandbox, type SkyvernSandbox } from './create-skyvern-sandbox';

describe('createSkyvernSandbox', () => {
  let sandbox: SkyvernSandbox;
  let skyvern: SkyvernProvider;
  beforeAll(async () => {
    sandbox = await createSkyvernSandbox();
    skyvern = createSkyvern({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('answers a missing or wrong key with 403 { detail }, then 404 for an unknown run', async () => {
    for (const headers of [{}, { 'x-api-key': 'wrong' }] as Record<string, string>[]) {
      const response = await fetch(`${sandbox.baseURL}/v1/runs/tsk_1`, { headers });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ detail: 'Invalid credentials' });
    }
    const unknown = await fetch(`${sandbox.baseURL}/v1/runs/tsk_1`, {
      headers: { 'x-api-key': sandbox.apiKey },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ detail: 'Task run not found tsk_1' });
  });

  it('scripts created, queued, running…, then the ending, one stage per read', async () => {
    const ref = sandbox.createTask({ outcome: 'terminated', steps: 2, advanceOn: 'read' });
    const seen: string[] = [];
    for (let read = 0; read < 5; read++) seen.push((await skyvern.getTask(ref)).providerStatus);
    expect(seen).toEqual(['created', 'queued', 'running', 'running', 'terminated']);
    const task = await skyvern.getTask(ref);
    expect(task).toMatchObject({ status: 'failed', error: expect.stringContaining('one-time code') });
    expect(task.raw).toMatchObject({ run_type: 'task_v2', step_count: 2, finished_at: expect.any(String) });
  });

  it('serves every field of the spec, with artifacts once the run completes', async () => {
    const ref = sandbox.createTask({ steps: 1, advanceOn: 'read', runType: 'workflow_run' });
    expect(ref).toMatch(/^wr_\d+$/);
    for (let read = 0; read < 3; read++) await skyvern.getTask(ref);
    const task = await skyvern.getTask(ref);
    expect(task.status).toBe('succeeded');
    expect(Object.keys(task.raw).sort()).toEqual(
      [
        'app_url',
        'browser_profile_id',
        'browser_session_id',
        'created_at',
        'downloaded_files',
        'errors',
        'failure_reason',
        'finished_at',
        'max_screenshot_scrolls',
        'modified_at',
        'output',
        'queued_at',
        'recording_archived',
        'recording_url',
        'run_id',
        'run_request',
        'run_type',
        'screenshot_urls',
        'script_run',
        'started_at',
        'status',
        'step_count',
      ].sort(),
    );
    expect(task.artifacts.map((artifact) => artifact.kind)).toEqual(['screenshot', 'recording', 'file']);
    expect(task.metadata.appUrl).toBe(`https://app.skyvern.com/workflows/wpid_sandbox/${ref}`);
  });

  it('hands a paused run back from waitForTask', async () => {
    const ref = sandbox.createTask({ outcome: 'paused', steps: 1, stepMs: 5 });
    const task = await waitForTask(skyvern, ref, { intervalMs: 5, timeoutMs: 5_000 });
    expect(task).toMatchObject({ status: 'paused', providerStatus: 'paused', isTerminal: false });
  });

  it('points a provider at itself through env()', () => {
    expect(sandbox.env()).toEqual({ SKYVERN_API_KEY: sandbox.apiKey, SKYVERN_BASE_URL: sandbox.baseURL });
  });
});
