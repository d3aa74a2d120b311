import type { BrowserUseTaskStatus } from './browser-use-api-types';
import { mapBrowserUseStatus } from './map-browser-use-status';

/**
 * The error text of a Browser Use task. Browser Use has no error field: a task that ended `failed`
 * or `stopped` explains itself (when it does) in `output`, so that text becomes `Task.error`
 * (`Task.output` keeps it too). Other statuses, or no output, give `undefined`.
 */
export function browserUseTaskError(
  status: BrowserUseTaskStatus,
  output: string | null | undefined,
): string | undefined {
  const normalized = mapBrowserUseStatus(status); // `FAILED`, ` stopped ` count as the vendor's words
  if (normalized !== 'failed' && normalized !== 'cancelled') return undefined;
  return typeof output === 'string' && output.trim() !== '' ? output : undefined;
}
