import { InvalidArgumentError, type TaskClient } from '@x/core';
import { UsageError } from './usage-error';

/** A reference checked by its provider, with the ids that appear in its request paths. */
export interface ResolvedRef {
  /** The reference as typed on the command line, e.g. `anchor:<taskId>/<executionId>`. */
  text: string;
  provider: string;
  /** The ids inside the reference (one, or Anchor's task and execution ids). */
  ids: string[];
}

/** The reference forms, for messages. */
export const REFERENCE_FORMS =
  'browser-use:<task uuid>, anchor:<taskId>/<executionId>, anchor:run/<runId> or browserai:<sessionId>';

/**
 * Checks every reference before any request, through `client.resolve` (which routes by prefix and lets
 * the provider parse the id). Duplicates are dropped. An unknown or missing prefix, or an id its provider
 * rejects, is a `UsageError` whose message names what was expected.
 */
export function resolveRefs(client: TaskClient, refs: readonly string[]): ResolvedRef[] {
  if (refs.length === 0) throw new UsageError('no task reference given');
  const names = client.providers.map((provider) => provider.name);
  return [...new Set(refs)].map((text) => {
    const colon = text.indexOf(':');
    const prefix = colon > 0 ? text.slice(0, colon) : undefined;
    if (prefix === undefined || !names.includes(prefix)) {
      const problem = prefix === undefined ? 'has no provider prefix' : `has an unknown provider "${prefix}"`;
      throw new UsageError(
        `${JSON.stringify(text)} ${problem}: expected one of ${names.join(', ')}, as in ${REFERENCE_FORMS}`,
      );
    }
    try {
      const { provider, ref } = client.resolve(text);
      return { text, provider: provider.name, ids: idsOf(ref) };
    } catch (error) {
      if (!InvalidArgumentError.isInstance(error)) throw error;
      const quoted = JSON.stringify(text);
      throw new UsageError(error.message.includes(quoted) ? error.message : `${quoted}: ${error.message}`);
    }
  });
}

function idsOf(ref: unknown): string[] {
  if (typeof ref === 'string') return [ref];
  if (typeof ref === 'object' && ref !== null) {
    return Object.values(ref).filter((value): value is string => typeof value === 'string');
  }
  return [];
}

/** The reference a request URL belongs to: the one whose ids all appear as segments of the URL's path. */
export function findRefForUrl(refs: readonly ResolvedRef[], url: string): ResolvedRef | undefined {
  let segments: string[];
  try {
    segments = new URL(url).pathname.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
  return refs.find((ref) => ref.ids.length > 0 && ref.ids.every((id) => segments.includes(id)));
}
