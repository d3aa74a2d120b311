import type { FetchFunction } from '@x/core';
import { type HttpIncident, observeFetch } from './observe-fetch';
import { findRefForUrl, type ResolvedRef } from './resolve-refs';
import type { TaskBoard } from './task-board';

/** `HTTP 429 Too Many Requests, Retry-After: 1`. */
export function describeIncident(incident: HttpIncident): string {
  const text = `HTTP ${incident.status}${incident.statusText ? ` ${incident.statusText}` : ''}`;
  return incident.retryAfter ? `${text}, Retry-After: ${incident.retryAfter}` : text;
}

/**
 * A `fetch` for the providers that reports each retryable answer (429, 5xx...) to the board row of the
 * task it concerns, once `attach` has told it the references and the board. The reported text never
 * holds an API key: the request's, the vendors' environment variables' and `options.secrets` are redacted.
 */
export function createIncidentReporter(
  base?: FetchFunction,
  options: { secrets?: readonly string[] } = {},
): {
  fetch: FetchFunction;
  attach: (refs: readonly ResolvedRef[], board: TaskBoard) => void;
} {
  let report: (incident: HttpIncident) => void = () => {};
  return {
    fetch: observeFetch((incident) => report(incident), base, { secrets: options.secrets }),
    attach(refs, board) {
      report = (incident) => {
        const ref = findRefForUrl(refs, incident.url);
        if (ref) board.addIncident(ref.text, describeIncident(incident));
      };
    },
  };
}
