import type { Task } from '@x/core';
import { escapeControlCharacters } from '../lib/escape-control-characters';

/** `0.4s`, `12.3s`, `2m 05s`, `1h 02m`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h ${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}m`;
}

/** The task's run time: the vendor's figure, else the time since it started when it still runs. */
export function taskDurationMs(task: Task | undefined, now: number = Date.now()): number | undefined {
  if (!task) return undefined;
  if (task.durationMs !== undefined) return task.durationMs;
  if (task.startedAt && !task.isTerminal) return now - task.startedAt.getTime();
  return undefined;
}

/** Output as one line: a string as is, anything else as JSON; nothing for no output. */
export function formatOutput(output: unknown): string {
  if (output === undefined || output === null) return '';
  const text = typeof output === 'string' ? output : JSON.stringify(output);
  return toOneLine(text ?? '');
}

/**
 * Collapses whitespace and line breaks so a cell stays on one line, and shows any other control
 * character as a visible escape (`\u001b`) so that vendor text never drives the terminal.
 */
export function toOneLine(text: string): string {
  return escapeControlCharacters(text.replace(/\s+/g, ' ').trim());
}

/** `1 step`, `3 steps`. */
export function formatSteps(count: number): string {
  return `${count} ${count === 1 ? 'step' : 'steps'}`;
}
