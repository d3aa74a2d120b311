import { createTask, type JsonResponse, parseTimestamp, type Task, type TaskArtifact } from '@x/core';
import { mapSkyvernStatus } from './map-skyvern-status';
import type { SkyvernRun } from './skyvern-api-types';
import { formatSkyvernRef, type SkyvernRef } from './skyvern-ref';

/**
 * Turns a Skyvern run into a normalized `Task`, `raw` being the body untouched:
 *
 * - `created_at` / `started_at` / `finished_at` → `createdAt` / `startedAt` / `finishedAt` (`durationMs`
 *   follows from the last two);
 * - `output` → `output` as sent (an object, a list or a string); `failure_reason` → `error`;
 * - artifacts: each of `screenshot_urls` (kind `screenshot`, latest first, as Skyvern orders them),
 *   `recording_url` (kind `recording`) and each of `downloaded_files` (kind `file`, with its `filename`);
 * - `metadata`: `runType`, `appUrl`, `stepCount`, `browserSessionId`, `browserProfileId`, `queuedAt`,
 *   `modifiedAt` and `recordingArchived`, when present.
 *
 * Skyvern's run has no step list and no cost: `steps` stays empty and `cost` unset.
 */
export function convertSkyvernTask(ref: SkyvernRef, response: JsonResponse<SkyvernRun>): Task<SkyvernRun> {
  const raw = response.data;
  return createTask<SkyvernRun>({
    provider: 'skyvern',
    id: formatSkyvernRef(ref),
    status: mapSkyvernStatus(raw.status),
    providerStatus: typeof raw.status === 'string' ? raw.status : '',
    createdAt: parseTimestamp(raw.created_at),
    startedAt: parseTimestamp(raw.started_at),
    finishedAt: parseTimestamp(raw.finished_at),
    output: raw.output ?? undefined,
    error: nonEmptyString(raw.failure_reason),
    artifacts: convertArtifacts(raw),
    metadata: present({
      runType: raw.run_type,
      appUrl: raw.app_url,
      stepCount: raw.step_count,
      browserSessionId: raw.browser_session_id,
      browserProfileId: raw.browser_profile_id,
      queuedAt: parseTimestamp(raw.queued_at),
      modifiedAt: parseTimestamp(raw.modified_at),
      recordingArchived: raw.recording_archived === true ? true : undefined,
    }),
    raw,
    response: { headers: response.headers, requestId: response.requestId },
  });
}

function convertArtifacts(run: SkyvernRun): TaskArtifact[] {
  const artifacts: TaskArtifact[] = [];
  for (const url of Array.isArray(run.screenshot_urls) ? run.screenshot_urls : []) {
    if (typeof url === 'string' && url !== '') artifacts.push({ kind: 'screenshot', url });
  }
  if (typeof run.recording_url === 'string' && run.recording_url !== '') {
    artifacts.push({ kind: 'recording', url: run.recording_url });
  }
  for (const file of Array.isArray(run.downloaded_files) ? run.downloaded_files : []) {
    if (file === null || typeof file !== 'object' || typeof file.url !== 'string') continue;
    artifacts.push(
      typeof file.filename === 'string' && file.filename !== ''
        ? { kind: 'file', url: file.url, name: file.filename }
        : { kind: 'file', url: file.url },
    );
  }
  return artifacts;
}

/** The entries whose value is neither `undefined` nor `null`. */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && value !== null),
  );
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
